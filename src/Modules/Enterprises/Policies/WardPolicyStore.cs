using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Enterprises.Policies;

/// <summary>
/// A ward's policy in the module's tables, read and written for <see cref="Grains.WardGrain"/> only.
/// The ratio in force: the city's for the ward's epidemic level in force, when the city set ratios
/// per level (docs/adr/0018-ward-levels.md); else the ward's own, else its city's
/// (<see cref="CityPolicyService"/>). The chain: the ward's, else approve only.
/// </summary>
internal sealed class WardPolicyStore(
    EnterprisesDbContext db, IGeographyDirectory geography, CityPolicyService cities, WardLevelReader levels,
    IOptions<QuotaOptions> quota, TimeProvider time, ActorAccessor actor)
{
    public async Task<WardPolicyInfo> ReadAsync(string wardCode, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(wardCode, ct);
        var policy = await db.WardPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WardCode == wardCode, ct);
        var cityCode = ward?.CityCode ?? policy?.CityCode;
        var ratio = await LevelRatioAsync(wardCode, cityCode, ct)
            ?? policy?.DefaultRatioPercent
            ?? (cityCode is null ? quota.Value.DefaultRatioPercent : await cities.RatioPercentAsync(cityCode, ct));
        return new WardPolicyInfo(wardCode, cityCode, policy?.DefaultRatioPercent, ratio,
            new WardChain(wardCode, policy?.PoliceVerify ?? false, policy?.PoliceStamp ?? false));
    }

    private async Task<int?> LevelRatioAsync(string wardCode, string? cityCode, CancellationToken ct)
    {
        if (cityCode is null || await cities.RatiosByLevelAsync(cityCode, ct) is not { } ratios)
        {
            return null;
        }
        var level = (await levels.DecisionInForceAsync(wardCode, ct))?.Level ?? WardLevelReader.DefaultLevel;
        return ratios[level - 1];
    }

    /// <summary>Sets the ward's ratio and chain, audited (404 for a ward the catalogue does not hold).</summary>
    public async Task<WardPolicyInfo> WriteAsync(string wardCode, WardPolicyChange change, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(wardCode, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.Ward);
        var now = time.GetUtcNow();
        var policy = await db.WardPolicies.FirstOrDefaultAsync(p => p.WardCode == ward.Code, ct);
        if (policy is null)
        {
            policy = new WardPolicy { WardCode = ward.Code, CityCode = ward.CityCode };
            db.WardPolicies.Add(policy);
        }
        policy.DefaultRatioPercent = change.DefaultRatioPercent;
        policy.PoliceVerify = change.PoliceVerify;
        policy.PoliceStamp = change.PoliceStamp;
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "ward_policy.updated", "ward", ward.Code, now,
            new { change.DefaultRatioPercent, Chain = new { change.PoliceVerify, change.PoliceStamp } }, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(ward.Code, ct);
    }
}
