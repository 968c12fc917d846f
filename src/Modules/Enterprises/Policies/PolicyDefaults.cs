using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;

namespace TravelPermits.Enterprises.Policies;

/// <summary>
/// The ratio an enterprise starts with: its ward's, else its city's, else
/// <c>Permits:Quota:DefaultRatioPercent</c> (30). The approval chain: the ward's, else approve only.
/// </summary>
internal sealed class PolicyDefaults(EnterprisesDbContext db, IConfiguration configuration) : IWardPolicies
{
    public async Task<int> RatioPercentAsync(string cityCode, string wardCode, CancellationToken ct)
    {
        var ward = await db.WardPolicies.AsNoTracking().Where(p => p.WardCode == wardCode)
            .Select(p => p.DefaultRatioPercent).FirstOrDefaultAsync(ct);
        if (ward is { } wardRatio)
        {
            return wardRatio;
        }
        return await CityRatioPercentAsync(cityCode, ct);
    }

    public async Task<int> CityRatioPercentAsync(string cityCode, CancellationToken ct)
    {
        var city = await db.CityPolicies.AsNoTracking().Where(p => p.CityCode == cityCode)
            .Select(p => (int?)p.DefaultRatioPercent).FirstOrDefaultAsync(ct);
        return city ?? configuration.GetValue("Permits:Quota:DefaultRatioPercent", 30);
    }

    public async Task<WardChain> GetChainAsync(string wardCode, CancellationToken cancellationToken) =>
        await db.WardPolicies.AsNoTracking().Where(p => p.WardCode == wardCode)
            .Select(p => new WardChain(p.WardCode, p.PoliceVerify, p.PoliceStamp)).FirstOrDefaultAsync(cancellationToken)
        ?? new WardChain(wardCode, false, false);
}
