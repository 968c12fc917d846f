using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// The quota's places, for <see cref="Grains.EnterpriseGrain"/> only. Each step is exact on its own,
/// whatever runs beside it in this process or another: a hold is one conditional update
/// (<c>ActivePermits + n &lt;= Quota</c>) with its row in the same transaction; settling and releasing
/// move a hold out of <c>held</c> with a guarded update, so that only one of them ever counts; a
/// return of places is applied once per id. Asking twice for the same step changes nothing.
/// </summary>
internal sealed class QuotaPlaces(EnterprisesDbContext db, TimeProvider time)
{
    public async Task<HoldResult> HoldAsync(Guid enterpriseId, Guid holdId, int places, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(places);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var taken = await db.Enterprises
                .Where(e => e.Id == enterpriseId && e.Status == EnterpriseStatus.Active && e.ActivePermits + places <= e.Quota)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActivePermits, e => e.ActivePermits + places), ct);
            if (taken == 1)
            {
                db.QuotaHolds.Add(new QuotaHold
                {
                    Id = holdId, EnterpriseId = enterpriseId, Places = places, State = HoldState.Held, CreatedAt = time.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return new HoldResult(true, await RemainingAsync(enterpriseId, ct));
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // Asked again for a hold made before (a retry after a lost answer): the first one stands.
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
        }
        var existing = await db.QuotaHolds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == holdId, ct);
        return new HoldResult(existing is { State: not HoldState.Released } && existing.EnterpriseId == enterpriseId, await RemainingAsync(enterpriseId, ct));
    }

    /// <summary>The permits of the hold were written: its places stay taken.</summary>
    public async Task SettleAsync(Guid enterpriseId, Guid holdId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.QuotaHolds.Where(h => h.Id == holdId && h.EnterpriseId == enterpriseId && h.State == HoldState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, HoldState.Taken).SetProperty(h => h.ResolvedAt, now), ct);
    }

    /// <summary>No permit of the hold was written, nor ever will be: its places come back.</summary>
    public async Task ReleaseAsync(Guid enterpriseId, Guid holdId, CancellationToken ct)
    {
        var hold = await db.QuotaHolds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == holdId && h.EnterpriseId == enterpriseId, ct);
        if (hold is not { State: HoldState.Held })
        {
            return;
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var released = await db.QuotaHolds.Where(h => h.Id == holdId && h.State == HoldState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, HoldState.Released).SetProperty(h => h.ResolvedAt, now), ct);
        if (released == 1)
        {
            await GiveBackAsync(enterpriseId, hold.Places, ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Places of permits revoked or expired come back, once for <paramref name="returnId"/>.</summary>
    public async Task ReturnAsync(Guid enterpriseId, Guid returnId, int places, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(places);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await RecordOnceAsync(enterpriseId, returnId, AppliedChange.PlacesReturned, ct))
        {
            return;
        }
        await GiveBackAsync(enterpriseId, places, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Records <paramref name="changeId"/> as applied in the current transaction; false when it was
    /// applied before (the transaction is then rolled back and nothing else must be written).
    /// </summary>
    public async Task<bool> RecordOnceAsync(Guid enterpriseId, Guid changeId, string kind, CancellationToken ct)
    {
        db.AppliedChanges.Add(new AppliedChange { Id = changeId, EnterpriseId = enterpriseId, Kind = kind, At = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await db.Database.RollbackTransactionAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Never below zero: a count that would go under it was wrong before, and stays at zero rather than block every return.</summary>
    private Task<int> GiveBackAsync(Guid enterpriseId, int places, CancellationToken ct) =>
        db.Enterprises.Where(e => e.Id == enterpriseId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActivePermits, e => e.ActivePermits >= places ? e.ActivePermits - places : 0), ct);

    private async Task<int> RemainingAsync(Guid enterpriseId, CancellationToken ct) =>
        Math.Max(0, await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.Quota - e.ActivePermits).FirstOrDefaultAsync(ct));
}
