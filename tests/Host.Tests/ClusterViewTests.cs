using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The admin's view of the Orleans cluster: the fixture's Host is one active silo.</summary>
public abstract class ClusterViewTests(PermitsHost host)
{
    [Fact]
    public void Placing_a_grain_writes_no_log_line_unless_it_had_to_retry()
    {
        // Orleans places each new activation through a Polly pipeline, whose telemetry logs two
        // lines at Information for every placement: a rollover of 100,000 permits wrote 200,000.
        // A retry is a warning, and still shows.
        var polly = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly");
        Assert.False(polly.IsEnabled(LogLevel.Information));
        Assert.True(polly.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task The_admin_sees_the_host_s_silo_active_with_its_figures_and_the_grains_it_holds()
    {
        // A quota changed through the enterprise's grain: its class is among the activations.
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var approver = await host.AsAsync("approver");
        using (var quota = await approver.PutJson($"/api/v1/enterprises/{enterprise}/quota", new { quota = 40, reason = "Cung ứng thiết yếu" }))
        {
            await quota.Expect(HttpStatusCode.OK);
        }
        var admin = await host.AsAsync("admin");
        using var response = await admin.Get("/api/v1/admin/cluster");
        var cluster = await response.Expect(HttpStatusCode.OK);
        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray(), s => s.GetProperty("status").GetString() == "active");
        var address = silo.GetProperty("address").GetString()!;
        Assert.Contains(":", address, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(silo.GetProperty("name").GetString()));
        Assert.True(silo.GetProperty("activations").GetInt32() > 0);
        Assert.True(silo.GetProperty("startedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        var grains = cluster.GetProperty("grains").EnumerateArray().ToList();
        Assert.NotEmpty(grains);
        foreach (var grain in grains)
        {
            var bySilo = grain.GetProperty("bySilo").EnumerateObject().ToList();
            Assert.Equal(grain.GetProperty("activations").GetInt32(), bySilo.Sum(p => p.Value.GetInt32()));
            Assert.All(bySilo, p => Assert.Equal(address, p.Name));
        }
        Assert.Contains(grains, g => g.GetProperty("type").GetString() == "EnterpriseGrain");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ClusterViewTestsOnSqlite(SqliteHost host) : ClusterViewTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ClusterViewTestsOnPostgres(PostgresHost host) : ClusterViewTests(host);
