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
