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

    public async Task<CityPolicyResponse> GetAsync(string code, CancellationToken ct)
    {
        var city = await geography.FindCityAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.City);
        return new CityPolicyResponse(city.Code, await RatioPercentAsync(city.Code, ct));
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
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "city_policy.updated", "city", city.Code, now, request, city.Code);
        await db.SaveChangesAsync(ct);
        return new CityPolicyResponse(city.Code, policy.DefaultRatioPercent);
    }
}
