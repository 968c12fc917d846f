using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Suspensions;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Issue;

/// <summary>
/// The permit of an approved individual application, once per application: the unique index on
/// an individual's entry id refuses a second one, so asking again answers the first permit's id.
/// </summary>
internal sealed class IndividualPermits(
    PermitsDbContext db,
    KeyRing keys,
    IGrainFactory grains,
    IGeographyDirectory geography,
    IOptions<IssueOptions> options,
    TimeProvider time,
    ActorAccessor actor) : IIndividualPermits
{
    public async Task CheckAsync(ApprovedPerson person, CancellationToken cancellationToken)
    {
        if (await IssuedAsync(person.EntryId, cancellationToken) is null && await HoldsLiveAsync(person.IdNumber, cancellationToken))
        {
            throw PermitIssuer.DuplicatePerson([person.EntryId]);
        }
    }

    public async Task<Guid> IssueAsync(ApprovedPerson person, CancellationToken cancellationToken)
    {
        if (await IssuedAsync(person.EntryId, cancellationToken) is { } issued)
        {
            return issued;
        }
        if (await HoldsLiveAsync(person.IdNumber, cancellationToken))
        {
            throw PermitIssuer.DuplicatePerson([person.EntryId]);
        }
        var chain = (await grains.GetGrain<IWardGrain>(person.WardCode).GetPolicyAsync()).Chain;
        var ward = await geography.FindWardAsync(person.WardCode, cancellationToken);
        var now = time.GetUtcNow();
        var period = await Periods.CurrentPeriods.IssuingPeriodAsync(db, person.CityCode, now, cancellationToken);
        Permit permit;
        using (var signer = keys.CreateSigner())
        {
            permit = PermitIssuer.NewPermit(person, null, null, ward?.Name ?? person.WardCode,
                chain.PoliceStamp ? PermitStatus.Approved : PermitStatus.Issued, now,
                period?.EndsAt ?? options.Value.DefaultValidTo(now), period?.Id, actor.Current.Name, signer);
        }
        db.Permits.Add(permit);
        await SuspensionFeed.AddForNewAsync(db, permit.WardCode, [permit.Id], now, cancellationToken);
        db.Audit(actor.Current, "permit.issued", "permit", permit.Id.ToString(), now, new { individual = true, permit.Status }, permit.CityCode, permit.WardCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            // Issued by another call at the same moment, or the person got another permit meanwhile.
            return await IssuedAsync(person.EntryId, cancellationToken) ?? throw PermitIssuer.DuplicatePerson([person.EntryId]);
        }
        return permit.Id;
    }

    private Task<Guid?> IssuedAsync(Guid entryId, CancellationToken ct) =>
        db.Permits.AsNoTracking().Where(p => p.EntryId == entryId && p.EnterpriseId == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    private Task<bool> HoldsLiveAsync(string idNumber, CancellationToken ct) =>
        db.Permits.AnyAsync(p => p.IdNumber == idNumber && PermitStatuses.Live.Contains(p.Status), ct);
}
