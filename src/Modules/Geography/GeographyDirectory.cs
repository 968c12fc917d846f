using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Contracts;
using TravelPermits.Geography.Persistence;

namespace TravelPermits.Geography;

internal sealed class GeographyDirectory(GeographyDbContext db) : IGeographyDirectory
{
    public Task<WardInfo?> FindWardAsync(string wardCode, CancellationToken cancellationToken) =>
        (from w in db.Wards.AsNoTracking()
         join d in db.Districts on w.DistrictCode equals d.Code
         join c in db.Cities on w.CityCode equals c.Code
         where w.Code == wardCode
         select new WardInfo(w.Code, w.Name, w.Type, d.Code, d.Name, c.Code, c.Name)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> CityCodesAsync(CancellationToken cancellationToken) =>
        (await db.Cities.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();

    public Task<CityInfo?> FindCityAsync(string cityCode, CancellationToken cancellationToken) =>
        db.Cities.AsNoTracking().Where(c => c.Code == cityCode)
            .Select(c => new CityInfo(c.Code, c.Name, c.Type)).FirstOrDefaultAsync(cancellationToken);
}
