using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Places;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// Writes the period-end moves of a group of permits in one transaction under the period-ends work
/// lock: each enterprise's part by one update guarded by the status and period it moves from, with
/// what belongs to it: a rollover's progress (the permits carried, per enterprise, counted with
/// them), or the places expired permits give back (handed to the enterprises once committed). A
/// group asked again after a crash, or by a second run, finds its permits moved and moves nothing.
/// </summary>
internal sealed partial class PeriodMoveWriter(PermitsDbContext db, PlaceReturns places, TimeProvider time, ILogger<PeriodMoveWriter> logger)
{
    /// <summary>The permits among <paramref name="ids"/> that moved now.</summary>
    public Task<HashSet<Guid>> WriteAsync(PeriodMove move, IReadOnlyList<Guid> ids, CancellationToken ct) => move switch
    {
        PeriodMove.Carry carry => CarryAsync(carry, ids, ct),
        PeriodMove.Expiry expiry => ExpireAsync(expiry, ids, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    private async Task<HashSet<Guid>> CarryAsync(PeriodMove.Carry carry, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var from = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == carry.FromPeriodId, ct);
        var to = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == carry.ToPeriodId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ids, ct);
        if (!await db.Rollovers.AnyAsync(r => r.FromPeriodId == from.Id && r.ToPeriodId == to.Id, ct))
        {
            throw new InvalidOperationException($"No rollover of period {from.Id} into {to.Id} was begun.");
        }
        var live = await LiveAsync(p => p.PeriodId == from.Id, ids, ct);
        var counts = await db.RolloverEnterprises.Where(r => r.FromPeriodId == from.Id).ToDictionaryAsync(r => r.EnterpriseId, ct);
        foreach (var (enterpriseId, rows) in live)
        {
            // Contiguous periods: the permit stays valid from when it was; after a gap, from the successor's start.
            var query = Guarded(p => p.PeriodId == from.Id, rows);
            var n = to.StartsAt > from.EndsAt
                ? await query.ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, to.Id).SetProperty(p => p.ValidTo, to.EndsAt).SetProperty(p => p.ValidFrom, to.StartsAt), ct)
                : await query.ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, to.Id).SetProperty(p => p.ValidTo, to.EndsAt), ct);
            Expect(n, rows);
            if (enterpriseId is { } id)
            {
                if (!counts.TryGetValue(id, out var row))
                {
                    row = new RolloverEnterprise { FromPeriodId = from.Id, EnterpriseId = id };
                    db.RolloverEnterprises.Add(row);
                    counts[id] = row;
                }
                row.Carried += n;
            }
        }
        var moved = live.Sum(g => g.Rows.Count);
        await db.Rollovers.Where(r => r.FromPeriodId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Carried, r => r.Carried + moved), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        LogCarried(logger, moved, from.Label, to.Label);
        return live.SelectMany(g => g.Rows).ToHashSet();
    }

    private async Task<HashSet<Guid>> ExpireAsync(PeriodMove.Expiry expiry, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Expression<Func<Permit, bool>> which;
        if (expiry.PeriodId is { } periodId)
        {
            var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == periodId, ct);
            if (period.EndsAt > now)
            {
                throw new InvalidOperationException($"Period {period.Id} has not ended: its permits do not expire.");
            }
            which = p => p.PeriodId == periodId;
        }
        else
        {
            if (expiry.EndedBy > now)
            {
                throw new InvalidOperationException("Permits do not expire before their validity ends.");
            }
            which = p => p.PeriodId == null && p.ValidTo <= expiry.EndedBy;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ids, ct);
        var live = await LiveAsync(which, ids, ct);
        var returns = new List<PlaceReturn>();
        foreach (var (enterpriseId, rows) in live)
        {
            var n = await Guarded(which, rows).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Expired), ct);
            Expect(n, rows);
            if (enterpriseId is { } id)
            {
                returns.Add(places.Add(id, n));
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await places.DeliverAsync(returns, ct);
        return live.SelectMany(g => g.Rows).ToHashSet();
    }

    /// <summary>
    /// The period-ends work lock for the transaction (a row lock; SQLite's write lock), and on
    /// PostgreSQL the permits' rows, in id order: what is read live below stays so until the commit
    /// (a revocation waits for it), and the guarded updates then change exactly those rows.
    /// </summary>
    private async Task LockAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.WorkLocks.Where(l => l.Name == WorkLock.PeriodEnds).ExecuteUpdateAsync(s => s.SetProperty(l => l.TakenAt, now), ct);
        if (db.Database.IsNpgsql())
        {
            var array = ids.ToArray();
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM prm_permits WHERE "Id" = ANY({array}) ORDER BY "Id" FOR UPDATE""", ct);
        }
    }

    /// <summary>The live permits among <paramref name="ids"/> that match <paramref name="which"/>, by enterprise.</summary>
    private async Task<List<(Guid? EnterpriseId, List<Guid> Rows)>> LiveAsync(Expression<Func<Permit, bool>> which, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Permits.AsNoTracking().Where(which).Where(p => ids.Contains(p.Id) && PermitStatuses.Live.Contains(p.Status))
            .Select(p => new { p.Id, p.EnterpriseId }).ToListAsync(ct);
        return rows.GroupBy(r => r.EnterpriseId).Select(g => (g.Key, g.Select(r => r.Id).ToList())).ToList();
    }

    private IQueryable<Permit> Guarded(Expression<Func<Permit, bool>> which, List<Guid> rows) =>
        db.Permits.Where(which).Where(p => rows.Contains(p.Id) && PermitStatuses.Live.Contains(p.Status));

    /// <summary>Under the locks, the rows read live are those the update changes; anything else must not commit.</summary>
    private static void Expect(int changed, List<Guid> rows)
    {
        if (changed != rows.Count)
        {
            throw new InvalidOperationException($"{rows.Count} permits were live under the period-ends lock, but {changed} changed.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Count} permits from period {From} into {To}")]
    private static partial void LogCarried(ILogger logger, int count, string from, string to);
}
