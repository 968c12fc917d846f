using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Persistence;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Geography.Wards;

internal sealed record WardItem(string Code, string Name, string Type, string DistrictCode, string DistrictName, string CityCode);

internal sealed class ListWardsRequest
{
    public string? CityCode { get; init; }
    public string? DistrictCode { get; init; }
}

/// <summary>
/// <c>GET /api/v1/wards?cityCode=&amp;districtCode=</c>: public reference data (the self-registration
/// form of an enterprise needs it before anyone signs in).
/// </summary>
internal sealed class ListWardsEndpoint(GeographyDbContext db) : Endpoint<ListWardsRequest, List<WardItem>>
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
        var items = await (
            from w in wards
            join d in db.Districts on w.DistrictCode equals d.Code
            orderby w.Code
            select new WardItem(w.Code, w.Name, w.Type, w.DistrictCode, d.Name, w.CityCode)).ToListAsync(ct);
        await Send.OkAsync(items, ct);
    }
}
