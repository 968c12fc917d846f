using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

/// <summary>A city's default ratio: its own, else <c>Permits:Quota:DefaultRatioPercent</c>.</summary>
internal sealed class CityPolicyService(
    EnterprisesDbContext db, IGeographyDirectory geography, IOptions<QuotaOptions> quota, TimeProvider time, ActorAccessor actor)
{
    public async Task<int> RatioPercentAsync(string cityCode, CancellationToken ct)
    {
        var city = await db.CityPolicies.AsNoTracking().Where(p => p.CityCode == cityCode)
            .Select(p => (int?)p.DefaultRatioPercent).FirstOrDefaultAsync(ct);
        return city ?? quota.Value.DefaultRatioPercent;
    }

    /// <summary>The city's ratios of levels 1 to 4 (index 0 to 3), or null when its enterprises do not follow their wards' levels.</summary>
    public async Task<int[]?> RatiosByLevelAsync(string cityCode, CancellationToken ct)
    {
        var city = await db.CityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CityCode == cityCode, ct);
        return city is null ? null : RatiosByLevel(city);
    }

    public async Task<CityPolicyResponse> GetAsync(string code, CancellationToken ct)
    {
        var city = await geography.FindCityAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.City);
        var policy = await db.CityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CityCode == city.Code, ct);
        return new CityPolicyResponse(city.Code, policy?.DefaultRatioPercent ?? quota.Value.DefaultRatioPercent, ByLevel(policy));
    }

    /// <summary>Sets the city's ratio (the admin, or the approver of that city: 404 for any other city), audited.</summary>
    public async Task<CityPolicyResponse> SetAsync(string code, CityPolicyRequest request, CallerScope caller, CancellationToken ct)
    {
        var city = await geography.FindCityAsync(code, ct);
        if (city is null || !(caller.IsAdmin || caller.CityCode == city.Code))
        {
            throw ProblemException.NotFound(EnterpriseTexts.City);
        }
        var now = time.GetUtcNow();
        var policy = await db.CityPolicies.FirstOrDefaultAsync(p => p.CityCode == code, ct);
        if (policy is null)
        {
            policy = new CityPolicy { CityCode = city.Code };
            db.CityPolicies.Add(policy);
        }
        policy.DefaultRatioPercent = request.DefaultRatioPercent;
        // Absent: the ratios per level stay as they were; an empty object removes them.
        if (request.RatioByLevel is { } byLevel)
        {
            int? Ratio(int level) => byLevel.Count == 0 ? null : byLevel[level.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            policy.RatioLevel1 = Ratio(1);
            policy.RatioLevel2 = Ratio(2);
            policy.RatioLevel3 = Ratio(3);
            policy.RatioLevel4 = Ratio(4);
        }
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "city_policy.updated", "city", city.Code, now, request, city.Code);
        await db.SaveChangesAsync(ct);
        return new CityPolicyResponse(city.Code, policy.DefaultRatioPercent, ByLevel(policy));
    }

    private static int[]? RatiosByLevel(CityPolicy policy) =>
        policy is { RatioLevel1: { } one, RatioLevel2: { } two, RatioLevel3: { } three, RatioLevel4: { } four } ? [one, two, three, four] : null;

    private static Dictionary<string, int>? ByLevel(CityPolicy? policy) =>
        policy is null || RatiosByLevel(policy) is not { } ratios
            ? null
            : ratios.Select((ratio, i) => (ratio, i)).ToDictionary(r => (r.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.ratio);
}
