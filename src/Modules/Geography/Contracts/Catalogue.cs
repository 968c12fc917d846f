using System.Text.Json.Serialization;

namespace TravelPermits.Geography.Contracts;

/// <summary>The national catalogue of administrative units in the GSO's JSON shape (dvhcvn).</summary>
public sealed record Catalogue(IReadOnlyList<CatalogueCity>? Data);

public sealed record CatalogueCity(
    [property: JsonPropertyName("level1_id")] string? Level1Id,
    string? Name,
    string? Type,
    IReadOnlyList<CatalogueDistrict>? Level2s);

public sealed record CatalogueDistrict(
    [property: JsonPropertyName("level2_id")] string? Level2Id,
    string? Name,
    string? Type,
    IReadOnlyList<CatalogueWard>? Level3s);

public sealed record CatalogueWard(
    [property: JsonPropertyName("level3_id")] string? Level3Id,
    string? Name,
    string? Type);

public sealed record ImportResult(int Cities, int Districts, int Wards, int Created, int Updated);

/// <summary>Imports a catalogue: new units are added, changed ones updated, the rest left as they are.</summary>
public interface IGeographyImport
{
    Task<ImportResult> ImportAsync(Catalogue catalogue, CancellationToken cancellationToken);
}
