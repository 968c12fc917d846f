using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Suspensions;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Permits.Issue;

internal sealed record IssuedPermit(Guid Id, Guid EntryId, string Token, PermitStatus Status);

internal sealed record IssueResult(IReadOnlyList<IssuedPermit> Permits);

/// <summary>
/// Issues permits for people of the enterprise's approved list: all or none, one live permit per
/// person, under places the enterprise's grain holds for them (<see cref="HeldIssue"/>), and the
/// answer to an Idempotency-Key stored in the permits' transaction, so that no retry issues twice.
/// </summary>
internal sealed class PermitIssuer(
    PermitsDbContext db,
    IEnterpriseDirectory enterprises,
    IApprovedList approved,
    HeldIssue held,
    IGrainFactory grains,
    IGeographyDirectory geography,
    KeyRing keys,
    IOptions<IssueOptions> options,
    TimeProvider time,
    ActorAccessor actor)
{
    /// <summary>
    /// The 201 answer listing the permits issued to <paramref name="entryIds"/> for the caller's own
    /// enterprise. A refusal issues nothing; when it was caused by a retry of <paramref name="idempotency"/>'s
    /// call that succeeded meanwhile, the shared mechanism answers with that success instead.
    /// </summary>
    public async Task<JsonAnswer> IssueAsync(Guid enterpriseId, CallerScope caller, IReadOnlyList<Guid> entryIds, IdempotentCall? idempotency, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(enterpriseId, ct);
        if (enterprise is null || caller.EnterpriseId != enterprise.Id)
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        if (enterprise.Status != Enterprises.Contracts.EnterpriseStatus.Active)
        {
            throw ProblemException.Conflict("enterprise_not_active", PermitTexts.NotActive);
        }

        var people = await approved.FindAsync(enterprise.Id, entryIds, ct);
        if (people.Count != entryIds.Distinct().Count())
        {
            var missing = entryIds.Except(people.Select(p => p.EntryId)).Distinct().ToList();
            throw new ProblemException(409, "not_in_approved_list", PermitTexts.NotInApprovedList.Format(missing.Count),
                new Dictionary<string, object?> { ["entryIds"] = missing });
        }
        var ids = people.Select(p => p.IdNumber).ToList();
        var holders = await db.Permits.AsNoTracking().Where(p => ids.Contains(p.IdNumber) && PermitStatuses.Live.Contains(p.Status))
            .Select(p => p.IdNumber).ToListAsync(ct);
        if (holders.Count > 0)
        {
            throw DuplicatePerson(people.Where(p => holders.Contains(p.IdNumber)).Select(p => p.EntryId));
        }

        var chain = (await grains.GetGrain<IWardGrain>(enterprise.WardCode).GetPolicyAsync()).Chain;
        var ward = await geography.FindWardAsync(enterprise.WardCode, ct);
        var now = time.GetUtcNow();
        var period = await Periods.CurrentPeriods.IssuingPeriodAsync(db, enterprise.CityCode, now, ct);
        var validTo = period?.EndsAt ?? options.Value.DefaultValidTo(now);
        var status = chain.PoliceStamp ? PermitStatus.Approved : PermitStatus.Issued;
        var by = actor.Current.Name;
        var holdId = Guid.CreateVersion7();
        List<Permit> permits;
        using (var signer = keys.CreateSigner())
        {
            permits = people.Select(p => NewPermit(p, enterprise.Id, enterprise.Name, ward?.Name ?? enterprise.WardCode, status, now, validTo, period?.Id, by, signer, holdId)).ToList();
        }
        var answer = new JsonAnswer(StatusCodes.Status201Created, JsonSerializer.Serialize(
            new IssueResult(permits.Select(p => new IssuedPermit(p.Id, p.EntryId, p.Token, p.Status)).ToList()), JsonSerializerOptions.Web));

        await held.IssueAsync(enterprise.Id, holdId, permits.Count, remaining => QuotaExceeded(permits.Count, remaining), async () =>
        {
            db.Permits.AddRange(permits);
            await SuspensionFeed.AddForNewAsync(db, enterprise.WardCode, permits.ConvertAll(p => p.Id), now, ct);
            idempotency?.StoreWith(db, answer, now);
            db.Audit(actor.Current, "permits.issued", "enterprise", enterprise.Id.ToString(), now,
                new { count = permits.Count, status }, enterprise.CityCode, enterprise.WardCode);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another call issued a permit to one of these people, or used this key, at the same moment.
                throw DuplicatePerson(people.Select(p => p.EntryId));
            }
        }, ct);
        return answer;
    }

    /// <summary>A permit for an approved person, with its signed token (whose name is abbreviated past <see cref="TokenNames.Budget"/>; the permit keeps it whole).</summary>
    internal static Permit NewPermit(ApprovedPerson p, Guid? enterpriseId, string? enterpriseName, string wardName, PermitStatus status,
        DateTimeOffset now, DateTimeOffset validTo, Guid? periodId, string by, KeyRing.Signer signer, Guid? holdId = null)
    {
        var id = Guid.CreateVersion7();
        var masked = Mask(p.IdNumber);
        return new Permit
        {
            Id = id, EntryId = p.EntryId, EnterpriseId = enterpriseId, EnterpriseName = enterpriseName,
            CityCode = p.CityCode, WardCode = p.WardCode, WardName = wardName,
            HolderName = p.FullName, IdNumber = p.IdNumber, IdNumberMasked = masked, DateOfBirth = p.DateOfBirth,
            SearchKey = $"{VietnameseText.Fold(p.FullName)} {p.IdNumber}", Status = status, ValidFrom = now, ValidTo = validTo, PeriodId = periodId,
            Token = signer.Sign(new TokenClaims(id, TokenNames.For(p.FullName), masked)), KeyId = signer.Kid, IssuedAt = now, IssuedBy = by,
            HoldId = holdId,
        };
    }

    /// <summary>The ID number as printed in the token and shown to anonymous verifiers: all but the province and the last 3 digits hidden.</summary>
    public static string Mask(string idNumber) => idNumber.Length == 12
        ? string.Concat(idNumber.AsSpan(0, 3), new string('*', 6), idNumber.AsSpan(9))
        : string.Concat(new string('*', idNumber.Length - 3), idNumber.AsSpan(idNumber.Length - 3));

    internal static ProblemException DuplicatePerson(IEnumerable<Guid> entryIds)
    {
        var list = entryIds.ToList();
        return new ProblemException(409, "duplicate_person", PermitTexts.DuplicatePerson.Format(list.Count),
            new Dictionary<string, object?> { ["entryIds"] = list });
    }

    private static ProblemException QuotaExceeded(int needed, int remaining) =>
        new(409, "quota_exceeded", PermitTexts.QuotaExceeded.Format(needed, remaining),
            new Dictionary<string, object?> { ["needed"] = needed, ["remaining"] = remaining });
}
