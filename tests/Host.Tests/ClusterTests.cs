using System.Net;
using Npgsql;
using TravelPermits.Host.Silo;
using TravelPermits.Host.Silo.Membership;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Host processes on one PostgreSQL database form one Orleans cluster through the membership
/// table of the Host's own migrations, and a killed one is declared dead while the others carry on.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    /// <summary>Generous: the tuned membership takes seconds (ADR 0016); this only bounds a failing test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _work = Directory.CreateTempSubdirectory("permits-cluster-").FullName;
    private string? _database;

    [Fact]
    public async Task Two_hosts_on_one_postgresql_form_one_cluster_and_the_survivor_of_a_kill_declares_it_dead_and_carries_on()
    {
        var (connection, environment) = await NewDatabaseAsync();

        await using var first = await HostProcess.StartAsync(_work, environment);
        var firstSilo = Assert.Single(await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 1, first));
        await using var second = await HostProcess.StartAsync(_work, environment);
        var silos = await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 2, first, second);
        Assert.Equal(2, silos.Select(s => s.Port).Distinct().Count());
        Assert.Contains(silos, s => s.Port == firstSilo.Port && s.Generation == firstSilo.Generation);

        await first.KillAsync();
        silos = await WaitForSilosAsync(connection, s => s.Any(x => x.Port == firstSilo.Port && x.Status == ClusterSilo.Dead), second);
        Assert.Single(silos, s => s.Status == ClusterSilo.Active); // the survivor, still a member

        var client = second.CreateClient();
        using (var ready = await client.Get("/health/ready"))
        {
            await ready.Expect(HttpStatusCode.OK);
        }
        using (var keys = await client.Get("/api/v1/verify/keys"))
        {
            Assert.NotEmpty((await keys.Expect(HttpStatusCode.OK)).GetProperty("keys").EnumerateArray());
        }
        using var login = await client.PostJson("/api/v1/auth/login", new { email = PermitsHost.AdminEmail, password = PermitsHost.Password });
        await login.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_the_cluster_declares_dead_stops_in_order_with_its_own_exit_code_rather_than_crashing()
    {
        var (connection, environment) = await NewDatabaseAsync();
        await using var host = await HostProcess.StartAsync(_work, environment);
        await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 1, host);

        // What the other silos' votes would write after a long pause or a network split.
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var dead = new NpgsqlCommand(
                $"""
                UPDATE {MembershipDbContext.SilosTable} SET "Status" = {ClusterSilo.Dead} WHERE "Status" = {ClusterSilo.Active};
                UPDATE {MembershipDbContext.VersionsTable} SET "Version" = "Version" + 1;
                """, db);
            Assert.Equal(2, await dead.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        // Orleans' own handler would end the process with FailFast (SIGABRT, 134 in a shell).
        int exitCode;
        try
        {
            exitCode = await host.WaitForExitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The Host is still running:\n{host.Output}");
            throw;
        }
        Assert.True(exitCode == StopHostOnFatalError.ExitCode, $"exit code {exitCode}\n{host.Output}");
        Assert.Contains("the Host stops so that its supervisor starts it again", host.Output);
    }

    /// <summary>A new PostgreSQL database (dropped after the test) and the environment of Hosts on it; skips without PostgreSQL.</summary>
    private async Task<(string Connection, Dictionary<string, string> Environment)> NewDatabaseAsync()
    {
        var (connection, database, unavailable) = await Databases.CreatePostgresAsync();
        if (connection is null)
        {
            Assert.Skip(unavailable!);
        }
        _database = database;
        return (connection, new Dictionary<string, string>
        {
            ["Permits__Bootstrap__AdminEmail"] = PermitsHost.AdminEmail,
            ["Permits__Bootstrap__AdminPassword"] = PermitsHost.Password,
            ["Permits__Database__Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings__Permits"] = connection,
        });
    }

    private sealed record SiloRow(string Address, int Port, int Generation, int Status);

    /// <summary>Reads the membership table until <paramref name="done"/> holds of this cluster's silos.</summary>
    private static async Task<IReadOnlyList<SiloRow>> WaitForSilosAsync(string connection, Func<IReadOnlyList<SiloRow>, bool> done, params HostProcess[] hosts)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var silos = await ReadSilosAsync(connection);
            if (done(silos))
            {
                return silos;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"Membership: {string.Join("; ", silos)}\n{string.Join("\n----\n", hosts.Select(h => h.Output))}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<IReadOnlyList<SiloRow>> ReadSilosAsync(string connection)
    {
        var silos = new List<SiloRow>();
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        var table = await TableExistsAsync(db);
        if (!table)
        {
            return silos; // not migrated yet
        }
        await using var command = new NpgsqlCommand(
            $"""SELECT "Address", "Port", "Generation", "Status" FROM {MembershipDbContext.SilosTable} WHERE "ClusterId" = 'travel-permits'""", db);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            silos.Add(new SiloRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        return silos;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{MembershipDbContext.SilosTable}') IS NOT NULL", db);
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Databases.DropPostgresAsync(_database);
        Directory.Delete(_work, recursive: true);
    }
}
