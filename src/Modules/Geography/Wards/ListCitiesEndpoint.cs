using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Persistence;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Geography.Wards;

/// <summary>A province or centrally-run city of the catalogue.</summary>
internal sealed record CityItem(string Code, string Name, string Type);

/// <summary>
/// <c>GET /api/v1/cities</c>: public reference data, as the wards are: the self-registration form
/// of an enterprise lets its visitor choose the city before its wards (63 cities, where the wards of
/// every city would be some 10,000).
/// </summary>
internal sealed class ListCitiesEndpoint(GeographyDbContext db) : EndpointWithoutRequest<List<CityItem>>
{
    public override void Configure()
    {
        Get("cities");
        Group<GeographyApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Geography").WithName("ListCities"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await db.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => new CityItem(c.Code, c.Name, c.Type)).ToListAsync(ct), ct);
}
