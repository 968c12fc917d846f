using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Periods;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Places;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Permits.Manage;

/// <summary>
/// Revokes permits in one transaction: each live one is revoked by a guarded update (never
/// twice) and joins the revocation feed; each enterprise gets one email listing its holders and,
/// once the transaction commits, its places back (<see cref="PlaceReturns"/>). Returns how many
/// were revoked now. One permit is revoked through its grain (<see cref="IPermitGrain"/>), as its
/// stamp is; a list or a period's permits here, all or nothing (docs/adr/0017).
/// </summary>
internal sealed class PermitRevoker(
    PermitsDbContext db, PlaceReturns places, IEnterpriseDirectory enterprises, IGrainFactory grains, ActorAccessor actor, TimeProvider time)
{
    private static readonly LocalizedText NoSuchPeriod = new("Không có giai đoạn này.", "No such period.");

    /// <summary>Revokes the live permits among those given; all must be within the caller's reach, else 404 and nothing changes.</summary>
    public async Task<int> RevokeInReachAsync(IReadOnlyList<Guid> permitIds, CallerScope caller, string reason, CancellationToken ct)
    {
        var ids = permitIds.Distinct().ToList();
        var permits = new List<Permit>();
        foreach (var chunk in ids.Chunk(500))
        {
            permits.AddRange(await db.Permits.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct));
        }
        if (permits.Count != ids.Count || !permits.All(caller.Sees))
        {
            throw ProblemException.NotFound(PermitTexts.Permit);
        }
        if (permits is [var one])
        {
            return await grains.GetGrain<IPermitGrain>(one.Id).RevokeAsync(reason) ? 1 : 0;
        }
        return await RevokeAsync(permits, reason, ct);
    }

    /// <summary>The revocation of one permit, for <see cref="Grains.PermitGrain"/> only: whether it was live and is now revoked.</summary>
    public async Task<bool> RevokeOneAsync(Guid id, string reason, CancellationToken ct)
    {
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw ProblemException.NotFound(PermitTexts.Permit);
        return await RevokeAsync([permit], reason, ct) == 1;
    }

    /// <summary>
    /// Revokes every live permit of the enterprise in the period (one of its city, or of every city):
    /// those of the period, and those issued while no period was current (no PeriodId) whose
    /// validity overlaps it.
    /// </summary>
    public async Task<int> ClearAsync(Guid enterpriseId, CallerScope caller, Guid periodId, string reason, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(enterpriseId, ct);
        if (enterprise is null || !caller.Covers(enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        var period = await db.Periods.AsNoTracking().OfCity(enterprise.CityCode).FirstOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw ProblemException.Invalid("periodId", NoSuchPeriod);
        var live = await db.Permits.AsNoTracking()
            .Where(p => p.EnterpriseId == enterpriseId && PermitStatuses.Live.Contains(p.Status)
                && (p.PeriodId == period.Id || (p.PeriodId == null && p.ValidFrom < period.EndsAt && p.ValidTo > period.StartsAt)))
            .ToListAsync(ct);
        return await RevokeAsync(live, reason, ct);
    }

    public async Task<int> RevokeAsync(IReadOnlyList<Permit> permits, string reason, CancellationToken ct)
    {
        reason = VietnameseText.Normalize(reason);
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        var revoked = new List<Permit>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Feed lines must become visible in the order of their sequence numbers, or an offline
            // verifier that polled in between would skip a lower one for good: revocations queue here.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('permits:revocations', 0))", ct);
        }
        foreach (var permit in permits.Where(p => PermitStatuses.Live.Contains(p.Status)))
        {
            var changed = await db.Permits.Where(p => p.Id == permit.Id && PermitStatuses.Live.Contains(p.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Revoked).SetProperty(p => p.RevokedAt, now)
                    .SetProperty(p => p.RevokedBy, by).SetProperty(p => p.RevocationReason, reason), ct);
            if (changed == 1)
            {
                revoked.Add(permit);
                db.Revocations.Add(new Revocation { PermitId = permit.Id, RevokedAt = now });
            }
        }
        var returns = new List<PlaceReturn>();
        foreach (var group in revoked.Where(p => p.EnterpriseId is not null).GroupBy(p => p.EnterpriseId!.Value))
        {
            returns.Add(places.Add(group.Key, group.Count()));
            if (await enterprises.FindAsync(group.Key, ct) is { } enterprise)
            {
                var (subject, body) = PermitEmails.Revoked(enterprise.Name, group.ToList(), reason);
                db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
            }
            db.Audit(actor.Current, "permits.revoked", "enterprise", group.Key.ToString(), now,
                new { count = group.Count(), permits = group.Select(p => p.Id), reason }, group.First().CityCode, group.First().WardCode);
        }
        foreach (var individual in revoked.Where(p => p.EnterpriseId is null))
        {
            db.Audit(actor.Current, "permit.revoked", "permit", individual.Id.ToString(), now, new { reason }, individual.CityCode, individual.WardCode);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await places.DeliverAsync(returns, ct);
        return revoked.Count;
    }
}
