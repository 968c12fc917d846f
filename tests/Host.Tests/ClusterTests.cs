using System.Net;
using System.Net.Http.Json;
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

        var admin = await HostScenario.SignInAsync(second, PermitsHost.AdminEmail);
        await first.KillAsync();
        // At once, before the survivor has declared it dead: the admin's view of the cluster answers
        // with the killed silo listed, rather than waiting on it.
        using (var early = await admin.Get("/api/v1/admin/cluster"))
        {
            Assert.Contains((await early.Expect(HttpStatusCode.OK)).GetProperty("silos").EnumerateArray(),
                s => s.GetProperty("address").GetString()!.EndsWith($":{firstSilo.Port}@{firstSilo.Generation}", StringComparison.Ordinal));
        }
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
        using (var login = await client.PostJson("/api/v1/auth/login", new { email = PermitsHost.AdminEmail, password = PermitsHost.Password }))
        {
            await login.Expect(HttpStatusCode.OK);
        }

        // The admin's view of the cluster says the same as its membership table.
        using var view = await admin.Get("/api/v1/admin/cluster");
        var members = (await view.Expect(HttpStatusCode.OK)).GetProperty("silos").EnumerateArray()
            .Select(s => (Address: s.GetProperty("address").GetString()!, Status: s.GetProperty("status").GetString()!)).ToList();
        var survivor = Assert.Single(members, m => m.Status == "active");
        Assert.Contains(silos, s => s.Status == ClusterSilo.Active && survivor.Address.EndsWith($":{s.Port}@{s.Generation}", StringComparison.Ordinal));
        Assert.Contains(members, m => m.Status == "dead" && m.Address.EndsWith($":{firstSilo.Port}@{firstSilo.Generation}", StringComparison.Ordinal));
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

    [Fact]
    public async Task Sixty_issuers_over_two_hosts_against_25_places_issue_exactly_25()
    {
        var (connection, environment) = await NewDatabaseAsync();
        await using var first = await HostProcess.StartAsync(_work, environment);
        await using var second = await HostProcess.StartAsync(_work, environment);
        await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 2, first, second);
        var (enterprise, entries) = await HostScenario.ApprovedPeopleAsync(first, "Công ty Hai Máy", workforce: 84, people: 60); // quota 25

        var clerks = new[] { await HostScenario.SignInAsync(first, HostScenario.ClerkEmail), await HostScenario.SignInAsync(second, HostScenario.ClerkEmail) };
        var start = new TaskCompletionSource();
        var calls = entries.Select((entry, i) => Task.Run(async () =>
        {
            await start.Task;
            using var response = await clerks[i % 2].PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = new[] { entry } });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.True(answers.All(a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict),
            string.Join("\n", answers.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Select(a => $"{(int)a.StatusCode} {a.Body}"))
            + "\n" + first.Output + "\n" + second.Output);
        Assert.Equal(25, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Contains("quota_exceeded", a.Body));
        Assert.Equal(25, await HostScenario.ScalarAsync(Postgres(connection), HostScenario.LivePermits));
        foreach (var clerk in clerks)
        {
            using var state = await clerk.Get($"/api/v1/enterprises/{enterprise}");
            Assert.Equal(25, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }
    }

    [Fact]
    public async Task A_permit_revoked_through_one_host_verifies_revoked_at_the_next_scan_on_the_other()
    {
        var (connection, environment) = await NewDatabaseAsync();
        await using var first = await HostProcess.StartAsync(_work, environment);
        await using var second = await HostProcess.StartAsync(_work, environment);
        await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 2, first, second);
        var (enterprise, entries) = await HostScenario.ApprovedPeopleAsync(first, "Công ty Hai Cổng", workforce: 100, people: 3);
        var clerks = new[] { await HostScenario.SignInAsync(first, HostScenario.ClerkEmail), await HostScenario.SignInAsync(second, HostScenario.ClerkEmail) };
        using var issue = await clerks[0].PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries });
        var permits = (await issue.Expect(HttpStatusCode.Created)).GetProperty("permits").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Token: p.GetProperty("token").GetString()!)).ToList();
        var checkpoints = new[] { first.CreateClient(), second.CreateClient() };

        async Task<string?> ScanAsync(HttpClient checkpoint, string token)
        {
            using var scan = await checkpoint.Get($"/api/v1/verify/{token}");
            return (await scan.Expect(HttpStatusCode.OK)).GetProperty("result").GetString();
        }
        // Both Hosts have checked every token (and cached what they may) before the revocations.
        foreach (var checkpoint in checkpoints)
        {
            foreach (var (_, token) in permits.Concat(permits))
            {
                Assert.Equal("valid", await ScanAsync(checkpoint, token));
            }
        }

        // Revoked through one Host, each is revoked at the very next scan on the other.
        for (var i = 0; i < 2; i++)
        {
            using (var revoke = await clerks[i].PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[i].Id }, reason = "Nghỉ việc" }))
            {
                Assert.Equal(1, (await revoke.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
            }
            Assert.Equal("revoked", await ScanAsync(checkpoints[1 - i], permits[i].Token));
        }
        Assert.Equal("valid", await ScanAsync(checkpoints[0], permits[2].Token));
        Assert.Equal("valid", await ScanAsync(checkpoints[1], permits[2].Token));
    }

    [Fact]
    public async Task Killing_the_host_of_an_enterprises_grain_leaves_verification_untouched_and_issuing_back_within_30_seconds_with_the_retry_answered_once()
    {
        var (connection, environment) = await NewDatabaseAsync();
        environment["Logging__LogLevel__TravelPermits.Enterprises.Grains"] = "Debug"; // says which Host holds the grain
        environment["Permits__Recovery__SweepSeconds"] = "0.5";
        environment["Permits__Recovery__StaleSeconds"] = "2";
        await using var first = await HostProcess.StartAsync(_work, environment);
        await using var second = await HostProcess.StartAsync(_work, environment);
        await WaitForSilosAsync(connection, s => s.Count(x => x.Status == ClusterSilo.Active) == 2, first, second);
        var (enterprise, entries) = await HostScenario.ApprovedPeopleAsync(first, "Công ty Dự Phòng", workforce: 10_000, people: 1_020); // quota 3,000
        var clerks = new Dictionary<HostProcess, HttpClient>
        {
            [first] = await HostScenario.SignInAsync(first, HostScenario.ClerkEmail),
            [second] = await HostScenario.SignInAsync(second, HostScenario.ClerkEmail),
        };
        using var opening = await clerks[first].PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries.Take(10) });
        var token = (await opening.Expect(HttpStatusCode.Created)).GetProperty("permits")[0].GetProperty("token").GetString()!;
        var activation = $"Enterprise {enterprise} is active on silo";
        var holder = new[] { first, second }.Single(h => h.Output.Contains(activation, StringComparison.Ordinal));
        var survivor = holder == first ? second : first;

        // A checkpoint officer (signed in: no rate limit) scans through the survivor all along.
        using var stopScanning = new CancellationTokenSource();
        var checkpoint = await HostScenario.SignInAsync(survivor, HostScenario.CheckpointEmail);
        var scanning = Task.Run(async () =>
        {
            var (scans, failures) = (0, new List<string>());
            while (!stopScanning.IsCancellationRequested)
            {
                using var scan = await checkpoint.GetAsync($"/api/v1/verify/{token}", CancellationToken.None);
                var body = await scan.Content.ReadAsStringAsync(CancellationToken.None);
                scans++;
                if (scan.StatusCode != HttpStatusCode.OK || !body.Contains("\"result\":\"valid\"", StringComparison.Ordinal))
                {
                    failures.Add($"{(int)scan.StatusCode} {body}");
                }
                await Task.Delay(20, CancellationToken.None);
            }
            return (scans, failures);
        });

        // 1,000 permits asked for through the grain's Host under a key, and the Host killed while its places are held.
        var key = Guid.NewGuid().ToString();
        var batch = entries.Skip(10).Take(1_000).ToList();
        HttpRequestMessage Interrupted()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enterprises/{enterprise}/permits")
            {
                Content = JsonContent.Create(new { entryIds = batch }, options: Http.JsonOptions),
            };
            message.Headers.Add("Idempotency-Key", key);
            return message;
        }
        var interrupted = clerks[holder].SendAsync(Interrupted(), TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await HostScenario.ScalarAsync(Postgres(connection), HostScenario.HeldHolds) == 0 && !interrupted.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the issue did not start\n" + holder.Output);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
        var heldAtKill = await HostScenario.ScalarAsync(Postgres(connection), HostScenario.HeldHolds);
        await holder.KillAsync();
        var killedAt = DateTime.UtcNow;
        try
        {
            (await interrupted).Dispose(); // answered just before the kill
        }
        catch (HttpRequestException)
        {
            // the call died with its Host
        }

        // The retry through the survivor: 503 with Retry-After while the cluster moves the grain, then the answer.
        HttpResponseMessage retried;
        var unavailable = 0;
        while (true)
        {
            retried = await clerks[survivor].SendAsync(Interrupted(), TestContext.Current.CancellationToken);
            if (retried.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }
            Assert.NotNull(retried.Headers.RetryAfter);
            unavailable++;
            retried.Dispose();
            Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(30), "issuing did not come back within 30 s\n" + survivor.Output);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(30), "issuing came back after 30 s");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"held at the kill: {heldAtKill}; retry answered after {(DateTime.UtcNow - killedAt).TotalSeconds:F1} s and {unavailable} answers 503");
        var firstAnswer = await retried.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(retried.StatusCode == HttpStatusCode.Created, $"{(int)retried.StatusCode} {firstAnswer}\n{survivor.Output}");
        retried.Dispose();
        using (var again = await clerks[survivor].SendAsync(Interrupted(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(firstAnswer, await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        using (var more = await clerks[survivor].PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries.Skip(1_010) }))
        {
            await more.Expect(HttpStatusCode.Created);
        }

        // Once the survivor has resolved the hold the killed Host left, the counters equal the live permits.
        while (await HostScenario.ScalarAsync(Postgres(connection), HostScenario.HeldHolds) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(60), "the hold left behind was not resolved\n" + survivor.Output);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(1_020, await HostScenario.ScalarAsync(Postgres(connection), HostScenario.LivePermits));
        using (var state = await clerks[survivor].Get($"/api/v1/enterprises/{enterprise}"))
        {
            Assert.Equal(1_020, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }

        await stopScanning.CancelAsync();
        var (scans, failures) = await scanning;
        Assert.True(scans > 10, $"{scans} scans");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static DatabaseOptions Postgres(string connection) => new() { Provider = DatabaseProvider.Postgres, ConnectionString = connection };

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
