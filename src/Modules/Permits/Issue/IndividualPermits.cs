using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Issue;

/// <summary>The permit of an approved individual application, written in the approval's transaction.</summary>
internal sealed class IndividualPermits(
    DatabaseOptions database,
    KeyRing keys,
    IGrainFactory grains,
    IGeographyDirectory geography,
    IOptions<IssueOptions> options,
    TimeProvider time,
    ActorAccessor actor) : IIndividualPermits
{
    public async Task<Guid> IssueAsync(ApprovedPerson person, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var db = await database.EnlistAsync<PermitsDbContext>(transaction, o => new(o), cancellationToken);
        if (await db.Permits.AnyAsync(p => p.IdNumber == person.IdNumber && PermitStatuses.Live.Contains(p.Status), cancellationToken))
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
        db.Audit(actor.Current, "permit.issued", "permit", permit.Id.ToString(), now, new { individual = true, permit.Status }, permit.CityCode, permit.WardCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw PermitIssuer.DuplicatePerson([person.EntryId]); // issued elsewhere at the same moment
        }
        return permit.Id;
    }
}
