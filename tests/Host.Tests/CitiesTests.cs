using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The cities of the catalogue the fixture imported, public as the wards are.</summary>
public abstract class CitiesTests(PermitsHost host)
{
    [Fact]
    public async Task Anyone_lists_the_cities_of_the_catalogue_in_code_order()
    {
        using var response = await host.Anonymous().Get("/api/v1/cities");
        var cities = (await response.Expect(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.True(cities.Count >= 63, $"{cities.Count} cities");
        var daNang = cities.Single(c => c.GetProperty("code").GetString() == "48");
        Assert.Equal("Thành phố Đà Nẵng", daNang.GetProperty("name").GetString());
        Assert.Equal("Thành phố Trung ương", daNang.GetProperty("type").GetString());
        var codes = cities.Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class CitiesTestsOnSqlite(SqliteHost host) : CitiesTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class CitiesTestsOnPostgres(PostgresHost host) : CitiesTests(host);
