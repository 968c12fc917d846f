using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

/// <summary>
/// A ward's policy. The ratio an enterprise starts with: its ward's, else its city's (see
/// <see cref="CityPolicyService"/>). The approval chain: the ward's, else approve only.
/// </summary>
internal sealed class WardPolicyService(
    EnterprisesDbContext db, IGeographyDirectory geography, CityPolicyService cities, TimeProvider time, ActorAccessor actor) : IWardPolicies
{
    public async Task<int> RatioPercentAsync(string cityCode, string wardCode, CancellationToken ct)
    {
        var ward = await db.WardPolicies.AsNoTracking().Where(p => p.WardCode == wardCode)
            .Select(p => p.DefaultRatioPercent).FirstOrDefaultAsync(ct);
        if (ward is { } wardRatio)
        {
            return wardRatio;
        }
        return await cities.RatioPercentAsync(cityCode, ct);
    }

    public async Task<WardChain> GetChainAsync(string wardCode, CancellationToken cancellationToken) =>
        await db.WardPolicies.AsNoTracking().Where(p => p.WardCode == wardCode)
            .Select(p => new WardChain(p.WardCode, p.PoliceVerify, p.PoliceStamp)).FirstOrDefaultAsync(cancellationToken)
        ?? new WardChain(wardCode, false, false);

    public async Task<WardPolicyResponse> GetAsync(string code, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.Ward);
        return await ResponseAsync(ward, ct);
    }

    /// <summary>Sets the ward's ratio and chain (404 for a ward outside the caller's scope), audited.</summary>
    public async Task<WardPolicyResponse> SetAsync(string code, WardPolicyRequest request, CallerScope caller, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct);
        if (ward is null || !caller.Covers(ward.CityCode, ward.Code))
        {
            throw ProblemException.NotFound(EnterpriseTexts.Ward);
        }
        var now = time.GetUtcNow();
        var policy = await db.WardPolicies.FirstOrDefaultAsync(p => p.WardCode == code, ct);
        if (policy is null)
        {
            policy = new WardPolicy { WardCode = ward.Code, CityCode = ward.CityCode };
            db.WardPolicies.Add(policy);
        }
        policy.DefaultRatioPercent = request.DefaultRatioPercent;
        policy.PoliceVerify = request.Chain!.PoliceVerify;
        policy.PoliceStamp = request.Chain.PoliceStamp;
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "ward_policy.updated", "ward", ward.Code, now, request, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return await ResponseAsync(ward, ct);
    }

    private async Task<WardPolicyResponse> ResponseAsync(WardInfo ward, CancellationToken ct)
    {
        var policy = await db.WardPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WardCode == ward.Code, ct);
        return new WardPolicyResponse(ward.Code, ward.CityCode, policy?.DefaultRatioPercent,
            await RatioPercentAsync(ward.CityCode, ward.Code, ct),
            new ChainSettings(policy?.PoliceVerify ?? false, policy?.PoliceStamp ?? false));
    }
}
