using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Places;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using RolloverStatus = TravelPermits.Permits.Contracts.RolloverStatus;

namespace TravelPermits.Permits.Periods;

internal sealed record RolloverResult(
    Guid FromPeriodId, Guid ToPeriodId, RolloverStatus Status, int Carried, int Enterprises, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);

/// <summary>
/// What happens when a validity period ends. With a successor, its live permits are carried into
/// it (same token, new validity); without one, they expire and give their quota places back
/// (written with the expiry, handed to the enterprises after it: <see cref="PlaceReturns"/>).
/// The work runs in batches, each one transaction under the period-ends work lock, recording
/// its progress with the permits it moves: a run cut short (a kill, a crash) resumes where it
/// stopped, and two runs at once (the schedule on two Hosts, an approver's request) never do a
/// batch twice. The endpoint and the scheduled job both come here.
/// </summary>
internal sealed partial class PeriodEnds(
    PermitsDbContext db,
    PlaceReturns places,
    IEnterpriseDirectory enterprises,
    IOptions<PeriodEndOptions> options,
    TimeProvider time,
    ILogger<PeriodEnds> logger)
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
        var undated = await ExpireWhereAsync(p => p.PeriodId == null && p.ValidTo <= now, ct);
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
            // A batch that moves nothing means its permits were revoked meanwhile: look again, then complete.
            while (await CarryBatchAsync(from, to, ct) is { } moved && moved > 0)
            {
                carried += moved;
            }
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
            db.ChangeTracker.Clear(); // begun at the same moment elsewhere
        }
        return await db.Rollovers.AsNoTracking().FirstAsync(r => r.FromPeriodId == from.Id, ct);
    }

    /// <summary>Moves one batch; null when nothing is left to move.</summary>
    private async Task<int?> CarryBatchAsync(Period from, Period to, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        var batch = await NextBatchAsync(p => p.PeriodId == from.Id, ct);
        if (batch is null)
        {
            return null;
        }
        var moved = 0;
        var counts = await db.RolloverEnterprises.Where(r => r.FromPeriodId == from.Id).ToDictionaryAsync(r => r.EnterpriseId, ct);
        foreach (var rows in batch.PerEnterprise(db.Permits.Where(p => p.PeriodId == from.Id && PermitStatuses.Live.Contains(p.Status))))
        {
            // Contiguous periods: the permit stays valid from when it was; after a gap, from the successor's start.
            var n = to.StartsAt > from.EndsAt
                ? await rows.Query.ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, to.Id).SetProperty(p => p.ValidTo, to.EndsAt).SetProperty(p => p.ValidFrom, to.StartsAt), ct)
                : await rows.Query.ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, to.Id).SetProperty(p => p.ValidTo, to.EndsAt), ct);
            moved += n;
            if (rows.EnterpriseId is { } enterpriseId && n > 0)
            {
                if (!counts.TryGetValue(enterpriseId, out var row))
                {
                    row = new RolloverEnterprise { FromPeriodId = from.Id, EnterpriseId = enterpriseId };
                    db.RolloverEnterprises.Add(row);
                    counts[enterpriseId] = row;
                }
                row.Carried += n;
            }
        }
        await db.Rollovers.Where(r => r.FromPeriodId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Carried, r => r.Carried + moved), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        LogBatch(logger, moved, from.Label, to.Label);
        return moved;
    }

    /// <summary>
    /// The next live permits matching <paramref name="which"/>, in id order: the range they span and
    /// whose they are. Each enterprise's part is then changed by one guarded update whose count
    /// is exact (a permit revoked meanwhile is not changed, and not counted).
    /// </summary>
    private async Task<Batch?> NextBatchAsync(Expression<Func<Permit, bool>> which, CancellationToken ct)
    {
        var rows = await db.Permits.AsNoTracking().Where(which).Where(p => PermitStatuses.Live.Contains(p.Status))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.EnterpriseId }).Take(BatchSize).ToListAsync(ct);
        return rows.Count == 0 ? null : new Batch(rows[0].Id, rows[^1].Id, rows.Select(r => r.EnterpriseId).Distinct().ToList());
    }

    private sealed record Batch(Guid First, Guid Last, IReadOnlyList<Guid?> Enterprises)
    {
        public IEnumerable<(Guid? EnterpriseId, IQueryable<Permit> Query)> PerEnterprise(IQueryable<Permit> candidates) =>
            Enterprises.Select(e => (e, candidates.Where(p => p.EnterpriseId == e && p.Id.CompareTo(First) >= 0 && p.Id.CompareTo(Last) <= 0)));
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
        var expired = await ExpireWhereAsync(p => p.PeriodId == period.Id, ct);
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

    /// <summary>Expires the live permits matching <paramref name="which"/>, batch by batch, giving each enterprise its places back.</summary>
    private async Task<int> ExpireWhereAsync(Expression<Func<Permit, bool>> which, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(ct);
            if (await NextBatchAsync(which, ct) is not { } batch)
            {
                return total;
            }
            var expired = 0;
            var returns = new List<PlaceReturn>();
            foreach (var rows in batch.PerEnterprise(db.Permits.Where(which).Where(p => PermitStatuses.Live.Contains(p.Status))))
            {
                var n = await rows.Query.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Expired), ct);
                expired += n;
                if (rows.EnterpriseId is { } enterpriseId && n > 0)
                {
                    returns.Add(places.Add(enterpriseId, n));
                }
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            await places.DeliverAsync(returns, ct);
            if (expired == 0)
            {
                // Under the lock, what was just found live cannot all have changed: never loop on it.
                throw new InvalidOperationException("The expiry of permits makes no progress.");
            }
            total += expired;
        }
    }

    /// <summary>Takes the period-ends work lock for the current transaction (a row lock; SQLite's write lock).</summary>
    private Task LockAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.WorkLocks.Where(l => l.Name == WorkLock.PeriodEnds).ExecuteUpdateAsync(s => s.SetProperty(l => l.TakenAt, now), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Count} permits from period {From} into {To}")]
    private static partial void LogBatch(ILogger logger, int count, string from, string to);
}

/// <summary>The period was already being carried into another one.</summary>
internal sealed class RolloverConflictException(Guid toPeriodId) : Exception("The period is already being carried into another period.")
{
    public Guid ToPeriodId { get; } = toPeriodId;
}
