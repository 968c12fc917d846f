namespace TravelPermits.Geography.Contracts;

public sealed record WardInfo(string Code, string Name, string Type, string DistrictCode, string DistrictName, string CityCode, string CityName);

public sealed record CityInfo(string Code, string Name, string Type);

/// <summary>What other modules may ask of the national catalogue of administrative units.</summary>
public interface IGeographyDirectory
{
    Task<WardInfo?> FindWardAsync(string wardCode, CancellationToken cancellationToken);

    Task<CityInfo?> FindCityAsync(string cityCode, CancellationToken cancellationToken);

    /// <summary>The codes of every city and province (level 1), e.g. "48" for Đà Nẵng.</summary>
    Task<IReadOnlySet<string>> CityCodesAsync(CancellationToken cancellationToken);
}

/// <summary>A ward's epidemic level in force (1 to 4; 1 for a ward never assessed) and whether it is locked down.</summary>
public sealed record WardCondition(int Level, bool Lockdown);

/// <summary>
/// Implemented by the module that keeps wards' epidemic levels (Enterprises): what the list of
/// wards shows of each. A port, so that the catalogue does not depend on that module.
/// </summary>
public interface IWardConditions
{
    /// <summary>The condition in force now of every ward of the city (every ward with no city) assessed at least once.</summary>
    Task<IReadOnlyDictionary<string, WardCondition>> InForceAsync(string? cityCode, CancellationToken cancellationToken);
}
