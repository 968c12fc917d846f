using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The endpoints bench/run.sh compares against exist only when configuration asks for them.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class BenchEndpointsTests(SqliteHost host)
{
    [Fact]
    public async Task Bench_endpoints_are_not_mapped_by_default()
    {
        // Signed in, as an unknown route is a 401 for anonymous callers.
        var admin = await host.AsAsync("admin");
        using var bare = await admin.Get("/bench/bare");
        await bare.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        using var counters = await admin.Get("/bench/counters");
        await counters.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task When_enabled_the_bare_endpoint_answers_like_an_anonymous_verification_and_queries_are_counted()
    {
        await using var bench = host.Factory.WithWebHostBuilder(web => web.UseSetting("Permits:Bench:Enabled", "true"));
        var client = bench.CreateClient();
        using (var bare = await client.Get("/bench/bare"))
        {
            var body = await bare.Expect(HttpStatusCode.OK);
            Assert.Equal("valid", body.GetProperty("result").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("holder").GetProperty("idNumber").ValueKind);
            Assert.EndsWith("+07:00", body.GetProperty("checkedAt").GetString(), StringComparison.Ordinal);
        }
        var before = await QueriesAsync(client);
        using (var periods = await client.Get("/api/v1/periods/current"))
        {
            Assert.True(periods.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound);
        }
        Assert.True(await QueriesAsync(client) > before);
    }

    private static async Task<long> QueriesAsync(HttpClient client)
    {
        using var response = await client.Get("/bench/counters");
        return (await response.Expect(HttpStatusCode.OK)).GetProperty("efQueries").GetInt64();
    }
}
