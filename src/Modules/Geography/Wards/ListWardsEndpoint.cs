using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Contracts;
using TravelPermits.Geography.Persistence;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Geography.Wards;

/// <summary>A ward, with its epidemic level in force (1 to 4) and whether it is locked down.</summary>
internal sealed record WardItem(
    string Code, string Name, string Type, string DistrictCode, string DistrictName, string CityCode, int Level, bool Lockdown);

internal sealed class ListWardsRequest
{
    public string? CityCode { get; init; }
    public string? DistrictCode { get; init; }
    /// <summary>Only the wards at this epidemic level now.</summary>
    public int? Level { get; init; }
}

/// <summary>
/// <c>GET /api/v1/wards?cityCode=&amp;districtCode=&amp;level=</c>: public reference data (the self-registration
/// form of an enterprise needs it before anyone signs in), with each ward's epidemic level and
/// lockdown as the module that keeps them says (<see cref="IWardConditions"/>): published decisions.
/// </summary>
internal sealed class ListWardsEndpoint(GeographyDbContext db, IWardConditions conditions) : Endpoint<ListWardsRequest, List<WardItem>>
{
    public override void Configure()
    {
        Get("wards");
        Group<GeographyApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Geography").WithName("ListWards"));
    }

    public override async Task HandleAsync(ListWardsRequest request, CancellationToken ct)
    {
        var wards = db.Wards.AsNoTracking();
        if (!string.IsNullOrEmpty(request.CityCode))
        {
            wards = wards.Where(w => w.CityCode == request.CityCode);
        }
        if (!string.IsNullOrEmpty(request.DistrictCode))
        {
            wards = wards.Where(w => w.DistrictCode == request.DistrictCode);
        }
        var rows = await (
            from w in wards
            join d in db.Districts on w.DistrictCode equals d.Code
            orderby w.Code
            select new { w.Code, w.Name, w.Type, w.DistrictCode, DistrictName = d.Name, w.CityCode }).ToListAsync(ct);
        var inForce = await conditions.InForceAsync(request.CityCode, ct);
        var none = new WardCondition(1, false);
        var items = rows
            .Select(w => (Ward: w, Condition: inForce.GetValueOrDefault(w.Code, none)))
            .Where(w => request.Level is null || w.Condition.Level == request.Level)
            .Select(w => new WardItem(w.Ward.Code, w.Ward.Name, w.Ward.Type, w.Ward.DistrictCode, w.Ward.DistrictName, w.Ward.CityCode,
                w.Condition.Level, w.Condition.Lockdown))
            .ToList();
        await Send.OkAsync(items, ct);
    }
}
