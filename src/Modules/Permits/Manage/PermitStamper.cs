using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Manage;

/// <summary>The ward police's stamp: <c>approved -&gt; issued</c>, the permit in force from the stamp on.</summary>
internal sealed class PermitStamper(PermitsDbContext db, IGrainFactory grains, ActorAccessor actor, TimeProvider time)
{
    /// <summary>The permits of the caller's ward waiting for the stamp, oldest first.</summary>
    public async Task<CursorPage<Permit>> AwaitingAsync(CallerScope caller, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        // The index (WardCode, Status) finds them: permits waiting for a stamp are the ward's work in hand, few at a time.
        var query = db.Permits.AsNoTracking().Where(p => p.WardCode == caller.WardCode && p.Status == PermitStatus.Approved);
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(p => p.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        return Paging.Page(rows, take, p => p.Id.ToString());
    }

    /// <summary>The stamped permit; 404 out of the caller's reach, 409 <c>invalid_transition</c> unless it waits for a stamp.</summary>
    public async Task<Permit> StampAsync(Guid id, CallerScope caller, CancellationToken ct)
    {
        await db.FindInScopeAsync(id, caller, ct);
        await grains.GetGrain<IPermitGrain>(id).StampAsync();
        return await db.FindInScopeAsync(id, caller, ct);
    }

    /// <summary><c>approved -&gt; issued</c>, guarded by the status, audited; for <see cref="Grains.PermitGrain"/> only.</summary>
    public async Task TransitionAsync(Guid id, CancellationToken ct)
    {
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw ProblemException.NotFound(PermitTexts.Permit);
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stamped = await db.Permits.Where(p => p.Id == id && p.Status == PermitStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Issued).SetProperty(p => p.StampedAt, now).SetProperty(p => p.StampedBy, by), ct);
        if (stamped == 0)
        {
            throw ProblemException.InvalidTransition(permit.Status.Name(), PermitTexts.Stamp.Resolve());
        }
        db.Audit(actor.Current, "permit.stamped", "permit", id.ToString(), now, null, permit.CityCode, permit.WardCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
