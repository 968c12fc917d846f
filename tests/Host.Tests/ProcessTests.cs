using System.Net;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The Host as a real process on Kestrel: durability across SIGKILL, and Kestrel's own limits.</summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("permits-process-").FullName;
    private string? _postgresDatabase;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_ward_and_a_user_survive_a_kill_and_old_tokens_still_work(DatabaseProvider provider)
    {
        var environment = await EnvironmentFor(provider);
        string token;
        var email = Http.Unique("survivor") + "@tests.local";
        await using (var first = await HostProcess.StartAsync(_work, environment))
        {
            var admin = first.CreateClient();
            using var login = await admin.PostJson("/api/v1/auth/login", new { email = PermitsHost.AdminEmail, password = PermitsHost.Password });
            token = (await login.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
            admin.WithBearer(token);
            using var imported = await admin.PostJson("/api/v1/admin/geo/import", new
            {
                data = new[]
                {
                    new { level1_id = "48", name = "Thành phố Đà Nẵng", type = "Thành phố Trung ương", level2s = new[]
                    {
                        new { level2_id = "492", name = "Quận Hải Châu", type = "Quận", level3s = new[] { new { level3_id = "20227", name = "Phường Thanh Bình", type = "Phường" } } },
                    } },
                },
            });
            await imported.Expect(HttpStatusCode.OK);
            using var created = await admin.PostJson("/api/v1/users", new
            {
                email, password = PermitsHost.Password, fullName = "Trần Thị Bền", role = "area-police", wardCode = "20227",
            });
            await created.Expect(HttpStatusCode.Created);
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_work, environment);
        var client = second.CreateClient();
        using var wards = await client.Get("/api/v1/wards?cityCode=48");
        Assert.Contains((await wards.Expect(HttpStatusCode.OK)).EnumerateArray(), w => w.GetProperty("name").GetString() == "Phường Thanh Bình");
        using var login2 = await client.PostJson("/api/v1/auth/login", new { email, password = PermitsHost.Password });
        await login2.Expect(HttpStatusCode.OK);
        using var me = await second.CreateClient().WithBearer(token).Get("/api/v1/me");
        Assert.Equal("admin", (await me.Expect(HttpStatusCode.OK)).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Three_hosts_started_together_on_a_fresh_database_all_come_up_with_one_admin_and_one_signing_key(DatabaseProvider provider)
    {
        var environment = await EnvironmentFor(provider);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostProcess.StartAsync(_work, environment)));
        try
        {
            var keys = new HashSet<string>();
            foreach (var host in hosts)
            {
                using var ready = await host.CreateClient().Get("/health/ready");
                await ready.Expect(HttpStatusCode.OK);
                await HostScenario.SignInAsync(host, PermitsHost.AdminEmail);
                using var jwks = await host.CreateClient().Get("/api/v1/verify/keys");
                keys.Add((await jwks.Expect(HttpStatusCode.OK)).GetProperty("keys").ToString());
            }
            Assert.Single(keys); // every Host signs with the one key the first created
            var admin = await HostScenario.SignInAsync(hosts[0], PermitsHost.AdminEmail);
            using var users = await admin.Get("/api/v1/users?role=admin");
            Assert.Single((await users.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_key_ring_is_stored_encrypted_and_a_host_without_its_certificate_does_not_start(DatabaseProvider provider)
    {
        var environment = await EnvironmentFor(provider);
        string keys;
        await using (var first = await HostProcess.StartAsync(_work, environment))
        {
            Assert.Contains("Created the certificate that encrypts the key ring", first.Output);
            using var jwks = await first.CreateClient().Get("/api/v1/verify/keys");
            keys = (await jwks.Expect(HttpStatusCode.OK)).GetProperty("keys").ToString();
        }
        Assert.True(File.Exists(Path.Combine(_work, KeyEncryptionCertificate.DefaultPath)));

        var database = new DatabaseOptions { Provider = provider, ConnectionString = environment["ConnectionStrings__Permits"] };
        var ring = new List<string>();
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Xml\" FROM {PlatformTables.DataProtectionKeys}";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                ring.Add(reader.GetString(0));
            }
        }
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("<EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // the master key in clear
        });

        // The same certificate reads the same signing keys after a restart.
        await using (var again = await HostProcess.StartAsync(_work, environment))
        {
            Assert.DoesNotContain("Created the certificate", again.Output);
            using var jwks = await again.CreateClient().Get("/api/v1/verify/keys");
            Assert.Equal(keys, (await jwks.Expect(HttpStatusCode.OK)).GetProperty("keys").ToString());
        }

        // Another certificate cannot read them: the Host says so and stops.
        var stranger = new Dictionary<string, string>(environment) { ["Permits__DataProtection__CertificatePath"] = Path.Combine(_work, "other.pfx") };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(_work, stranger));
        Assert.Contains("cannot be decrypted", refused.Message);
    }

    [Fact]
    public async Task A_scheduled_rollover_of_20000_permits_killed_midway_on_two_hosts_resumes_and_carries_each_once()
    {
        var environment = await EnvironmentFor(DatabaseProvider.Postgres);
        environment["Permits__Periods__BatchSize"] = "100";
        environment["Permits__Periods__RolloverLeadMinutes"] = "0";
        environment["Permits__Periods__SweepSeconds"] = "1";
        environment["Permits__Email__PickupDirectory"] = Path.Combine(_work, "mail");
        var connection = environment["ConnectionStrings__Permits"];
        var first = await HostProcess.StartAsync(_work, environment);
        var second = await HostProcess.StartAsync(_work, environment);

        var admin = await HostScenario.SignInAsync(first, PermitsHost.AdminEmail);
        using (var imported = await admin.PostJson("/api/v1/admin/geo/import", new
        {
            data = new[] { new { level1_id = "48", name = "Thành phố Đà Nẵng", type = "Thành phố", level2s = new[]
            {
                new { level2_id = "492", name = "Quận Hải Châu", type = "Quận", level3s = new[] { new { level3_id = "20227", name = "Phường Thanh Bình", type = "Phường" } } },
            } } },
        }))
        {
            await imported.Expect(HttpStatusCode.OK);
        }
        var enterprises = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 2; i++)
        {
            var email = Http.Unique("rollover") + "@tests.local";
            using var registered = await admin.PostJson("/api/v1/enterprises", new
            {
                name = $"Công ty Gia Hạn {i}", taxCode = TestData.TaxCode(), wardCode = "20227", address = "1 Hùng Vương",
                contactEmail = email, contactPhone = "0905123456", workforce = 40_000,
            });
            enterprises.Add(((await registered.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid(), email));
        }
        var end = DateTimeOffset.UtcNow.AddSeconds(25);
        end = new DateTimeOffset(end.Ticks - end.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        Guid from, to;
        using (var created = await admin.PostJson("/api/v1/periods", new { label = "đang chạy", startsAt = end.AddDays(-1), endsAt = end }))
        {
            from = (await created.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }
        using (var created = await admin.PostJson("/api/v1/periods", new { label = "tiếp theo", startsAt = end, endsAt = end.AddDays(14) }))
        {
            to = (await created.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        async Task<long> Scalar(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, db);
            return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) ?? 0L);
        }
        // 10,000 live permits of each enterprise in the ending period, written straight into the table.
        foreach (var (enterprise, index) in enterprises.Select((e, i) => (e.Id, i)))
        {
            await Scalar($"""
                INSERT INTO prm_permits ("Id", "EntryId", "EnterpriseId", "EnterpriseName", "CityCode", "WardCode", "WardName", "HolderName",
                    "IdNumber", "IdNumberMasked", "DateOfBirth", "SearchKey", "Status", "ValidFrom", "ValidTo", "PeriodId", "Token", "KeyId", "IssuedAt", "IssuedBy")
                SELECT gen_random_uuid(), gen_random_uuid(), '{enterprise}', 'Công ty', '48', '20227', 'Phường Thanh Bình', 'Nguyễn Văn ' || g,
                    '048090' || lpad(({index} * 10000 + g)::text, 6, '0'), '048******' || lpad(g::text, 3, '0'), DATE '1990-01-01', 'nguyen van ' || g, 'issued',
                    now() - interval '1 day', '{end:O}'::timestamptz, '{from}', 'TOKEN' || g, 'kid', now(), 'tests'
                FROM generate_series(1, 10000) AS g
                """);
        }

        // Kill both Hosts in the middle of the scheduled rollover, then start one again.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await Scalar($"SELECT COALESCE(MAX(\"Carried\"), 0) FROM prm_rollovers WHERE \"FromPeriodId\" = '{from}'") < 2_000)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled rollover did not start\n" + first.Output + second.Output);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await first.KillAsync();
        await second.KillAsync();
        Assert.True(await Scalar($"SELECT \"Carried\" FROM prm_rollovers WHERE \"FromPeriodId\" = '{from}'") < 20_000, "killed too late to show a resume");
        Assert.Equal(0, await Scalar($"SELECT COUNT(*) FROM prm_rollovers WHERE \"CompletedAt\" IS NOT NULL"));

        await using var third = await HostProcess.StartAsync(_work, environment);
        while (await Scalar($"SELECT COUNT(*) FROM prm_periods WHERE \"Id\" = '{from}' AND \"ClosedAt\" IS NOT NULL") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(60), "the rollover did not resume\n" + third.Output);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(20_000, await Scalar($"SELECT \"Carried\" FROM prm_rollovers WHERE \"FromPeriodId\" = '{from}'"));
        Assert.Equal(20_000, await Scalar($"SELECT COUNT(*) FROM prm_permits WHERE \"PeriodId\" = '{to}' AND \"ValidTo\" = '{end.AddDays(14):O}'::timestamptz"));
        Assert.Equal(0, await Scalar($"SELECT COUNT(*) FROM prm_permits WHERE \"PeriodId\" = '{from}'"));
        Assert.Equal(2, await Scalar($"SELECT COUNT(*) FROM prm_rollover_enterprises WHERE \"FromPeriodId\" = '{from}' AND \"Carried\" = 10000 AND \"Notified\""));
        Assert.Equal(1, await Scalar($"SELECT COUNT(*) FROM platform_audit_entries WHERE \"Action\" = 'period.rolled_over' AND \"EntityId\" = '{from}'"));
        foreach (var (_, email) in enterprises)
        {
            Assert.Equal(1, await Scalar($"SELECT COUNT(*) FROM platform_outbox_emails WHERE \"To\" = '{email}' AND \"Subject\" LIKE 'Gia hạn 10000 %'"));
        }
        // The shared job storage: the surviving Host's server checks in (the killed ones are timed out and forgotten).
        Assert.True(await Scalar("SELECT COUNT(*) FROM hangfire.server") >= 1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_host_killed_while_issuing_3000_permits_leaves_all_or_none_and_as_many_places_taken_as_live_permits(DatabaseProvider provider)
    {
        var environment = await EnvironmentFor(provider);
        // The restarted Host resolves what the killed one left within seconds rather than minutes.
        environment["Permits__Recovery__SweepSeconds"] = "0.5";
        environment["Permits__Recovery__StaleSeconds"] = "2";
        var database = new DatabaseOptions { Provider = provider, ConnectionString = environment["ConnectionStrings__Permits"] };
        var hosts = new List<HostProcess> { await HostProcess.StartAsync(_work, environment) };
        try
        {
            var host = hosts[0];
            var (enterprise, entryIds) = await HostScenario.ApprovedPeopleAsync(host, "Công ty Ba Nghìn", workforce: 10_000, people: 3000); // quota 3,000
            var clerk = await HostScenario.SignInAsync(host, HostScenario.ClerkEmail);

            // Killed once its places are held and before its permits are written (or, if the write
            // was quicker than the look, after), then once its permits are written.
            var interrupted = 0;
            foreach (var killWhen in new[] { HostScenario.HeldHolds, HostScenario.LivePermits })
            {
                var issue = clerk.PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds });
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (await HostScenario.ScalarAsync(database, killWhen) == 0)
                {
                    Assert.False(issue.IsCompleted && DateTime.UtcNow > deadline, "the issue ended before the Host could be killed\n" + host.Output);
                    await Task.Delay(2, TestContext.Current.CancellationToken);
                }
                await host.KillAsync();
                try
                {
                    (await issue).Dispose(); // answered just before the kill
                }
                catch (HttpRequestException)
                {
                    // the call died with its Host
                }
                if (await HostScenario.ScalarAsync(database, HostScenario.HeldHolds) > 0)
                {
                    interrupted++;
                }

                host = await HostProcess.StartAsync(_work, environment);
                hosts.Add(host);
                clerk = await HostScenario.SignInAsync(host, HostScenario.ClerkEmail);
                while (await HostScenario.ScalarAsync(database, HostScenario.HeldHolds) > 0)
                {
                    Assert.True(DateTime.UtcNow < deadline.AddSeconds(60), "the hold left behind was not resolved\n" + host.Output);
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
                var live = await HostScenario.ScalarAsync(database, HostScenario.LivePermits);
                Assert.True(live is 0 or 3000, $"{live} permits of one call of 3,000 are live");
                using (var state = await clerk.Get($"/api/v1/enterprises/{enterprise}"))
                {
                    Assert.Equal(live, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
                }
                if (live == 3000)
                {
                    // Written before the kill: revoked, their places come back, and the next round issues them again.
                    var ids = new List<Guid>();
                    for (string? cursor = null; ;)
                    {
                        using var page = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?limit=500" + (cursor is null ? "" : $"&cursor={cursor}"));
                        var body = await page.Expect(HttpStatusCode.OK);
                        ids.AddRange(body.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("status").GetString() != "revoked").Select(p => p.GetProperty("id").GetGuid()));
                        cursor = body.GetProperty("nextCursor").GetString();
                        if (cursor is null)
                        {
                            break;
                        }
                    }
                    using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = ids, reason = "Cấp lại" }))
                    {
                        Assert.Equal(3000, (await revoke.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
                    }
                    using var after = await clerk.Get($"/api/v1/enterprises/{enterprise}");
                    Assert.Equal(0, (await after.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
                }
            }
            // At least one kill fell between a hold and its settlement, which the restarted Host resolved.
            Assert.True(interrupted > 0, "no kill fell between a hold and its settlement");
        }
        finally
        {
            foreach (var started in hosts)
            {
                await started.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Kestrel_answers_a_body_over_the_limit_with_a_413_problem()
    {
        await using var host = await HostProcess.StartAsync(_work, await EnvironmentFor(DatabaseProvider.Sqlite));
        var client = host.CreateClient();
        using var response = await client.PostJson("/api/v1/auth/login", new { email = "x@tests.local", password = new string('a', 2 * 1024 * 1024) });
        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_20_mb_upload_is_refused_with_a_413_problem_before_it_is_read()
    {
        await using var host = await HostProcess.StartAsync(_work, await EnvironmentFor(DatabaseProvider.Sqlite));
        var admin = host.CreateClient();
        using (var login = await admin.PostJson("/api/v1/auth/login", new { email = PermitsHost.AdminEmail, password = PermitsHost.Password }))
        {
            admin.WithBearer((await login.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!);
        }
        using (var imported = await admin.PostJson("/api/v1/admin/geo/import", new
        {
            data = new[] { new { level1_id = "48", name = "Thành phố Đà Nẵng", type = "Thành phố", level2s = new[]
            {
                new { level2_id = "492", name = "Quận Hải Châu", type = "Quận", level3s = new[] { new { level3_id = "20227", name = "Phường Thanh Bình", type = "Phường" } } },
            } } },
        }))
        {
            await imported.Expect(HttpStatusCode.OK);
        }
        using var registered = await admin.PostJson("/api/v1/enterprises", new
        {
            name = "Công ty Lớn", taxCode = TestData.TaxCode(), wardCode = "20227", address = "1 Hùng Vương",
            contactEmail = "lon@tests.local", contactPhone = "0905123456", workforce = 100,
        });
        var enterprise = (await registered.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using (var officer = await admin.PostJson("/api/v1/users", new
        {
            email = "officer@tests.local", password = PermitsHost.Password, fullName = "Cán bộ", role = "ward-officer", wardCode = "20227",
        }))
        {
            await officer.Expect(HttpStatusCode.Created);
        }
        var client = host.CreateClient();
        using (var login = await client.PostJson("/api/v1/auth/login", new { email = "officer@tests.local", password = PermitsHost.Password }))
        {
            client.WithBearer((await login.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!);
        }
        // As browsers and curl do for large bodies: the server may refuse before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var response = await RequestTests.UploadAsync(client, enterprise, new byte[20 * 1024 * 1024]);
        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_fresh_start_without_bootstrap_settings_logs_a_generated_admin_password_that_works()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Permits"] = Databases.Sqlite(_work) };
        await using var host = await HostProcess.StartAsync(_work, environment);
        var match = System.Text.RegularExpressions.Regex.Match(host.Output, @"created the admin (\S+) with the password (\S+)\. Sign in");
        Assert.True(match.Success, host.Output);
        using var login = await host.CreateClient().PostJson("/api/v1/auth/login", new { email = match.Groups[1].Value, password = match.Groups[2].Value });
        await login.Expect(HttpStatusCode.OK);
        using var ready = await host.CreateClient().Get("/health/ready");
        await ready.Expect(HttpStatusCode.OK);
    }

    /// <summary>
    /// Issue 15's lockdown at scale: a ward of 5,000 live permits locked down through one Host is
    /// suspended at the next scan on both, a revoked permit stays revoked, and lifting it through
    /// the other Host makes the same tokens valid on both again; the enterprise is told once each way.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_lockdown_of_a_ward_with_5000_live_permits_suspends_them_at_the_next_scan_on_both_hosts_and_lifting_it_restores_them(DatabaseProvider provider)
    {
        const int people = 5_000;
        var environment = await EnvironmentFor(provider);
        await using var first = await HostProcess.StartAsync(_work, environment);
        await using var second = await HostProcess.StartAsync(_work, environment);
        var (enterprise, entries) = await HostScenario.ApprovedPeopleAsync(first, "Công ty Chợ Đầu Mối", workforce: 17_000, people: people); // quota 5,100
        var clerk = await HostScenario.SignInAsync(first, HostScenario.ClerkEmail);
        using var issue = await clerk.PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries });
        var permits = (await issue.Expect(HttpStatusCode.Created)).GetProperty("permits").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Token: p.GetProperty("token").GetString()!)).ToList();
        Assert.Equal(people, permits.Count);
        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].Id }, reason = "Nghỉ việc" }))
        {
            Assert.Equal(1, (await revoke.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        }
        var checkpoints = new[] { await HostScenario.SignInAsync(first, HostScenario.CheckpointEmail), await HostScenario.SignInAsync(second, HostScenario.CheckpointEmail) };
        // Every 50th permit, on both Hosts, each scanned once before (its signature remembered).
        var sample = permits.Where((_, i) => i % 50 == 0).ToList();

        async Task<string[]> ScanAsync(HttpClient checkpoint) =>
            await Task.WhenAll(sample.Select(async p =>
            {
                using var scan = await checkpoint.Get($"/api/v1/verify/{p.Token}");
                return (await scan.Expect(HttpStatusCode.OK)).GetProperty("result").GetString()!;
            }));
        string[] Expected(string others) => sample.Select(p => p.Id == permits[0].Id ? "revoked" : others).ToArray();
        foreach (var checkpoint in checkpoints)
        {
            Assert.Equal(Expected("valid"), await ScanAsync(checkpoint));
        }

        var admins = new[] { await HostScenario.SignInAsync(first, PermitsHost.AdminEmail), await HostScenario.SignInAsync(second, PermitsHost.AdminEmail) };
        using (var lockdown = await admins[0].PutJson("/api/v1/wards/20227/level", new { level = 4, lockdown = true, reason = "Ổ dịch tại chợ Đầu Mối" }))
        {
            Assert.True((await lockdown.Expect(HttpStatusCode.OK)).GetProperty("inForce").GetBoolean());
        }
        foreach (var checkpoint in checkpoints)
        {
            Assert.Equal(Expected("suspended"), await ScanAsync(checkpoint));
        }
        using (var one = await checkpoints[1].Get($"/api/v1/verify/{permits[^1].Token}"))
        {
            var suspension = (await one.Expect(HttpStatusCode.OK)).GetProperty("suspension");
            Assert.Equal("20227", suspension.GetProperty("wardCode").GetString());
            Assert.Equal("Ổ dịch tại chợ Đầu Mối", suspension.GetProperty("reason").GetString());
        }
        var database = new DatabaseOptions { Provider = provider, ConnectionString = environment["ConnectionStrings__Permits"] };
        Assert.Equal(people - 1, await HostScenario.ScalarAsync(database, "SELECT COUNT(*) FROM prm_suspension_notices WHERE \"Until\" IS NULL"));

        using (var lift = await admins[1].PutJson("/api/v1/wards/20227/level", new { level = 3, lockdown = false, reason = "Dỡ phong tỏa" }))
        {
            await lift.Expect(HttpStatusCode.OK);
        }
        foreach (var checkpoint in checkpoints)
        {
            Assert.Equal(Expected("valid"), await ScanAsync(checkpoint));
        }
        Assert.Equal(people - 1, await HostScenario.ScalarAsync(database, "SELECT COUNT(*) FROM prm_suspension_notices WHERE \"Until\" IS NOT NULL"));
        Assert.Equal(2, await HostScenario.ScalarAsync(database,
            $"SELECT COUNT(*) FROM {PlatformTables.Audit} WHERE \"Action\" IN ('enterprise.permits_suspended', 'enterprise.permits_restored') AND \"EntityId\" = '{enterprise}'"));
    }

    private async Task<Dictionary<string, string>> EnvironmentFor(DatabaseProvider provider)
    {
        var environment = new Dictionary<string, string>
        {
            ["Permits__Bootstrap__AdminEmail"] = PermitsHost.AdminEmail,
            ["Permits__Bootstrap__AdminPassword"] = PermitsHost.Password,
            ["Permits__Database__Provider"] = provider.ToString(),
        };
        if (provider == DatabaseProvider.Postgres)
        {
            var (connection, database, unavailable) = await Databases.CreatePostgresAsync();
            if (connection is null)
            {
                Assert.Skip(unavailable!);
            }
            _postgresDatabase = database;
            environment["ConnectionStrings__Permits"] = connection;
        }
        else
        {
            environment["ConnectionStrings__Permits"] = Databases.Sqlite(_work);
        }
        return environment;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Databases.DropPostgresAsync(_postgresDatabase);
        Directory.Delete(_work, recursive: true);
    }
}
