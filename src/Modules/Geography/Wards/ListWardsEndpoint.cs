using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Persistence;

namespace TravelPermits.Geography.Wards;

internal sealed record WardItem(string Code, string Name, string Type, string DistrictCode, string DistrictName, string CityCode);

/// <summary>
/// <c>GET /api/v1/wards?cityCode=&amp;districtCode=</c>: public reference data (the self-registration
/// form of an enterprise needs it before anyone signs in).
/// </summary>
internal static class ListWardsEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/wards", Handle)
            .AllowAnonymous()
            .WithTags("Geography")
            .WithName("ListWards");

    private static async Task<Ok<List<WardItem>>> Handle(GeographyDbContext db, string? cityCode, string? districtCode, CancellationToken ct)
    {
        var wards = db.Wards.AsNoTracking();
        if (!string.IsNullOrEmpty(cityCode))
        {
            wards = wards.Where(w => w.CityCode == cityCode);
        }
        if (!string.IsNullOrEmpty(districtCode))
        {
            wards = wards.Where(w => w.DistrictCode == districtCode);
        }
        var items = await (
            from w in wards
            join d in db.Districts on w.DistrictCode equals d.Code
            orderby w.Code
            select new WardItem(w.Code, w.Name, w.Type, w.DistrictCode, d.Name, w.CityCode)).ToListAsync(ct);
        return TypedResults.Ok(items);
    }
}
