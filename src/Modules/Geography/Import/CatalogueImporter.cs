using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Contracts;
using TravelPermits.Geography.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Geography.Import;

/// <summary>Upserts a validated catalogue in one transaction; importing the same file twice changes nothing.</summary>
internal sealed class CatalogueImporter(GeographyDbContext db, TimeProvider time, ActorAccessor actor) : IGeographyImport
{
    /// <summary>
    /// Adds what is missing and updates what changed. Two imports at once: the one that loses the
    /// race on a new code reads again and finds it there, as if it had come second.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Catalogue catalogue, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportOnceAsync(catalogue, cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ImportResult> ImportOnceAsync(Catalogue catalogue, CancellationToken cancellationToken)
    {
        var cities = await db.Cities.ToDictionaryAsync(c => c.Code, cancellationToken);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, cancellationToken);
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, cancellationToken);
        int created = 0, updated = 0, cityCount = 0, districtCount = 0, wardCount = 0;

        void Count(bool isNew, bool changed)
        {
            if (isNew)
            {
                created++;
            }
            else if (changed)
            {
                updated++;
            }
        }

        foreach (var c in catalogue.Data ?? [])
        {
            cityCount++;
            var (name, type) = (VietnameseText.Normalize(c.Name!), VietnameseText.Normalize(c.Type ?? ""));
            if (cities.TryGetValue(c.Level1Id!, out var city))
            {
                Count(false, Update(city.Name != name || city.Type != type, () => (city.Name, city.Type) = (name, type)));
            }
            else
            {
                db.Cities.Add(new City { Code = c.Level1Id!, Name = name, Type = type });
                Count(true, false);
            }

            foreach (var d in c.Level2s ?? [])
            {
                districtCount++;
                var (dName, dType) = (VietnameseText.Normalize(d.Name!), VietnameseText.Normalize(d.Type ?? ""));
                if (districts.TryGetValue(d.Level2Id!, out var district))
                {
                    Count(false, Update(district.Name != dName || district.Type != dType || district.CityCode != c.Level1Id,
                        () => (district.Name, district.Type, district.CityCode) = (dName, dType, c.Level1Id!)));
                }
                else
                {
                    db.Districts.Add(new District { Code = d.Level2Id!, Name = dName, Type = dType, CityCode = c.Level1Id! });
                    Count(true, false);
                }

                foreach (var w in d.Level3s ?? [])
                {
                    wardCount++;
                    var (wName, wType) = (VietnameseText.Normalize(w.Name!), VietnameseText.Normalize(w.Type ?? ""));
                    if (wards.TryGetValue(w.Level3Id!, out var ward))
                    {
                        Count(false, Update(
                            ward.Name != wName || ward.Type != wType || ward.DistrictCode != d.Level2Id || ward.CityCode != c.Level1Id,
                            () => (ward.Name, ward.Type, ward.DistrictCode, ward.CityCode) = (wName, wType, d.Level2Id!, c.Level1Id!)));
                    }
                    else
                    {
                        db.Wards.Add(new Ward { Code = w.Level3Id!, Name = wName, Type = wType, DistrictCode = d.Level2Id!, CityCode = c.Level1Id! });
                        Count(true, false);
                    }
                }
            }
        }

        var result = new ImportResult(cityCount, districtCount, wardCount, created, updated);
        if (created + updated > 0)
        {
            db.Audit(actor.Current, "geo.imported", "catalogue", "dvhcvn", time.GetUtcNow(), result);
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    private static bool Update(bool changed, Action apply)
    {
        if (changed)
        {
            apply();
        }
        return changed;
    }
}
