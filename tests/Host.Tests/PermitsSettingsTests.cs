using Microsoft.AspNetCore.Hosting;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The Permits module's settings are checked when the Host starts: a wrong one stops it, naming its key.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class PermitsSettingsTests(SqliteHost host)
{
    [Theory]
    [InlineData("Permits:Verify:SignatureCacheSize", "-1")]
    [InlineData("Permits:Verify:Readers", "0")]
    [InlineData("Permits:Verify:MaxBatch", "10001")]
    [InlineData("Permits:Periods:RolloverLeadMinutes", "-5")]
    [InlineData("Permits:Periods:SweepSeconds", "0.5")]
    [InlineData("Permits:Periods:SweepSeconds", "90")]
    [InlineData("Permits:Periods:BatchSize", "many")]
    public async Task A_wrong_value_stops_the_host_at_start_and_names_the_key(string key, string value)
    {
        await using var wrong = host.Factory.WithWebHostBuilder(web => web.UseSetting(key, value));
        var failure = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());
        Assert.Contains(key, failure.ToString(), StringComparison.Ordinal);
    }
}
