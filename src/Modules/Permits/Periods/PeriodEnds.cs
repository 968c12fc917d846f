using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Periods;

internal sealed record RolloverResult(
    Guid FromPeriodId, Guid ToPeriodId, RolloverStatus Status, int Carried, int Enterprises, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// What happens when a validity period ends. With a successor, its live permits are carried into
/// it (same token, new validity); without one, they expire and give their quota places back.
/// Each live permit is asked through its grain (<see cref="IPermitGrain"/>), a batch at a time;
/// the grains' writes are committed together under the period-ends work lock, with the
/// rollover's progress or the places given back (<see cref="PeriodMoveWriter"/>): a run cut short
/// (a kill, a crash) resumes where it stopped, and two runs at once (the schedule on two Hosts, an
/// approver's request) never move a permit twice. The endpoint and the scheduled job both come here.
/// </summary>
internal sealed class PeriodEnds(
    PermitsDbContext db,
    IGrainFactory grains,
    IEnterpriseDirectory enterprises,
    IOptions<PeriodEndOptions> options,
    TimeProvider time)
{
    private int BatchSize => options.Value.BatchSize;

    /// <summary>Every period end that is due, and permits issued outside any period that have run out: what the scheduled jobs do.</summary>
    public async Task RunDueAsync(CancellationToken ct)
    {
        await RunPeriodEndsAsync(ct);
        await ExpireUndatedAsync(ct);
    }

    /// <summary>Every period end that is due, and any rollover begun and cut short: the period-end jobs' run.</summary>
    public async Task RunPeriodEndsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var horizon = now + options.Value.RolloverLead;
        // Due: open periods near their end, and any rollover begun and cut short (resumed whenever it was asked for).
        var unfinished = db.Rollovers.Where(r => r.CompletedAt == null).Select(r => r.FromPeriodId);
        var due = await db.Periods.AsNoTracking().Where(p => p.ClosedAt == null && (p.EndsAt <= horizon || unfinished.Contains(p.Id)))
            .OrderBy(p => p.EndsAt).ToListAsync(ct);
        foreach (var period in due)
        {
            // A rollover already begun (by an approver, or a run that was cut short) is finished as it began.
            var begun = await db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromPeriodId == period.Id, ct);
            var target = begun is not null
                ? await db.Periods.AsNoTracking().FirstAsync(p => p.Id == begun.ToPeriodId, ct)
                : await SuccessorAsync(period, ct);
            if (target is not null)
            {
                await RolloverAsync(period, target, Actor.Scheduler, ct);
            }
            else if (period.EndsAt <= now)
            {
                await ExpireAsync(period, Actor.Scheduler, ct);
            }
        }
    }

    /// <summary>Expires the permits issued outside any period that have run out, giving their places back.</summary>
    public async Task ExpireUndatedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var undated = await MoveAllAsync(p => p.PeriodId == null && p.ValidTo <= now, permit => permit.ExpireAsync(null, now), ct);
        if (undated > 0)
        {
            db.Audit(Actor.Scheduler, "permits.expired", "permits", "undated", time.GetUtcNow(), new { count = undated });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The period that follows: the one starting when this one ends. After a gap, restrictions
    /// were lifted in between: the permits expire (an approver may still carry them by hand).
    /// </summary>
    public Task<Period?> SuccessorAsync(Period period, CancellationToken ct) =>
        db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.StartsAt == period.EndsAt && p.CityCode == period.CityCode, ct);

    /// <summary>Carries every live permit of <paramref name="from"/> into <paramref name="to"/>, resuming a rollover begun before.</summary>
    public async Task<RolloverResult> RolloverAsync(Period from, Period to, Actor actor, CancellationToken ct)
    {
        var rollover = await BeginAsync(from, to, actor, ct);
        if (rollover.ToPeriodId != to.Id)
        {
            throw new RolloverConflictException(rollover.ToPeriodId);
        }
        var carried = 0;
        for (var round = 1; ; round++)
        {
            // Permits issued into the period meanwhile are found by the completion: look again, then complete.
            carried += await MoveAllAsync(p => p.PeriodId == from.Id, permit => permit.CarryAsync(from.Id, to.Id), ct);
            if (await CompleteAsync(from, to, actor, carried, ct))
            {
                break;
            }
            if (round == 10)
            {
                throw new InvalidOperationException($"The rollover of period {from.Id} makes no progress.");
            }
        }

        var done = await db.Rollovers.AsNoTracking().FirstAsync(r => r.FromPeriodId == from.Id, ct);
        var touched = await db.RolloverEnterprises.CountAsync(r => r.FromPeriodId == from.Id, ct);
        return new RolloverResult(from.Id, to.Id, RolloverStatus.Completed, done.Carried, touched, done.StartedAt, done.CompletedAt);
    }

    private async Task<Rollover> BeginAsync(Period from, Period to, Actor actor, CancellationToken ct)
    {
        if (await db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromPeriodId == from.Id, ct) is { } existing)
        {
            return existing;
        }
        var now = time.GetUtcNow();
        db.Rollovers.Add(new Rollover { FromPeriodId = from.Id, ToPeriodId = to.Id, StartedAt = now, StartedBy = actor.Name });
        db.Audit(actor, "period.rollover_started", "period", from.Id.ToString(), now, new { from = from.Label, to = to.Label, toPeriodId = to.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // begun at the same moment elsewhere
        }
        db.ChangeTracker.Clear(); // the permits' grains count the rollover's progress: never read it from this context's copy
        return await db.Rollovers.AsNoTracking().FirstAsync(r => r.FromPeriodId == from.Id, ct);
    }

    /// <summary>
    /// Asks each live permit matching <paramref name="which"/> to move, a batch at a time (each
    /// permit's grain, whose writes <see cref="PeriodMoves"/> commits together); how many moved now.
    /// </summary>
    private async Task<int> MoveAllAsync(Expression<Func<Permit, bool>> which, Func<IPermitGrain, Task<bool>> move, CancellationToken ct)
    {
        var total = 0;
        List<Guid>? previous = null;
        while (true)
        {
            var ids = await db.Permits.AsNoTracking().Where(which).Where(p => PermitStatuses.Live.Contains(p.Status))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return total;
            }
            if (previous is not null && ids.SequenceEqual(previous))
            {
                // Asked, and still live where they were: never loop on them.
                throw new InvalidOperationException($"Period-end moves of {ids.Count} permits make no progress.");
            }
            var moved = await Task.WhenAll(ids.Select(id => move(grains.GetGrain<IPermitGrain>(id))));
            total += moved.Count(m => m);
            previous = ids;
        }
    }

    /// <summary>
    /// Ends the rollover when nothing is left to carry: one email per enterprise not yet told,
    /// the audit entry, and the period closed once it has ended. False when permits arrived meanwhile.
    /// </summary>
    private async Task<bool> CompleteAsync(Period from, Period to, Actor actor, int carriedNow, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        if (await db.Permits.AnyAsync(p => p.PeriodId == from.Id && PermitStatuses.Live.Contains(p.Status), ct))
        {
            return false;
        }
        var now = time.GetUtcNow();
        var rollover = await db.Rollovers.FirstAsync(r => r.FromPeriodId == from.Id, ct);
        var firstCompletion = rollover.CompletedAt is null;
        rollover.CompletedAt ??= now;
        var untold = await db.RolloverEnterprises.Where(r => r.FromPeriodId == from.Id && !r.Notified).ToListAsync(ct);
        foreach (var row in untold)
        {
            if (await enterprises.FindAsync(row.EnterpriseId, ct) is { } enterprise)
            {
                var (subject, body) = PeriodEmails.Extended(enterprise.Name, row.Carried, to);
                db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
            }
            row.Notified = true;
        }
        if (firstCompletion || carriedNow > 0)
        {
            db.Audit(actor, "period.rolled_over", "period", from.Id.ToString(), now, new
            {
                from = from.Label, to = to.Label, toPeriodId = to.Id, carried = rollover.Carried, carriedNow,
                enterprisesNotified = untold.Count,
            });
        }
        if (from.EndsAt <= now)
        {
            await db.Periods.Where(p => p.Id == from.Id && p.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedAt, now), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>An ended period with no successor: its live permits expire and free their places; the period is closed.</summary>
    public async Task<int> ExpireAsync(Period period, Actor actor, CancellationToken ct)
    {
        var expired = await MoveAllAsync(p => p.PeriodId == period.Id, permit => permit.ExpireAsync(period.Id, period.EndsAt), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        var now = time.GetUtcNow();
        if (await db.Periods.Where(p => p.Id == period.Id && p.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedAt, now), ct) == 1)
        {
            db.Audit(actor, "period.expired", "period", period.Id.ToString(), now, new { period = period.Label, expired });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return expired;
    }

    /// <summary>Takes the period-ends work lock for the current transaction (a row lock; SQLite's write lock).</summary>
    private Task LockAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.WorkLocks.Where(l => l.Name == WorkLock.PeriodEnds).ExecuteUpdateAsync(s => s.SetProperty(l => l.TakenAt, now), ct);
    }
}

/// <summary>The period was already being carried into another one.</summary>
internal sealed class RolloverConflictException(Guid toPeriodId) : Exception("The period is already being carried into another period.")
{
    public Guid ToPeriodId { get; } = toPeriodId;
}
