using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

/// <summary>The ward policy's routes: the ward must be in the catalogue (and in the caller's scope to change it); its grain does the rest.</summary>
internal sealed class WardPolicyService(IGeographyDirectory geography, IGrainFactory grains)
{
    public async Task<WardPolicyResponse> GetAsync(string code, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.Ward);
        return Response(ward, await grains.GetGrain<IWardGrain>(ward.Code).GetPolicyAsync());
    }

    /// <summary>Sets the ward's ratio and chain (404 for a ward outside the caller's scope).</summary>
    public async Task<WardPolicyResponse> SetAsync(string code, WardPolicyRequest request, CallerScope caller, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct);
        if (ward is null || !caller.Covers(ward.CityCode, ward.Code))
        {
            throw ProblemException.NotFound(EnterpriseTexts.Ward);
        }
        var change = new WardPolicyChange(request.DefaultRatioPercent, request.Chain!.PoliceVerify, request.Chain.PoliceStamp);
        return Response(ward, await grains.GetGrain<IWardGrain>(ward.Code).SetPolicyAsync(change));
    }

    private static WardPolicyResponse Response(WardInfo ward, WardPolicyInfo policy) =>
        new(ward.Code, ward.CityCode, policy.OwnRatioPercent, policy.RatioPercent, new ChainSettings(policy.Chain.PoliceVerify, policy.Chain.PoliceStamp));
}
