using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Scheduling;
using TravelPermits.SharedKernel.Settings;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// The platform's settings are typed and checked: a wrong value stops the Host at start with a
/// message naming the key to fix, and what is not set has README's default.
/// </summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("permits-settings-").FullName;

    [Theory]
    [InlineData("Permits:Database:Provider", "Oracle")]
    [InlineData("Permits:Database:Provider", "7")]
    [InlineData("Permits:Email:MaxAttempts", "0")]
    [InlineData("Permits:Email:PollSeconds", "0")]
    [InlineData("Permits:Email:Smtp:Port", "70000")]
    [InlineData("Permits:RateLimits:AnonymousVerifyPerMinute", "-1")]
    [InlineData("Permits:RateLimits:AnonymousWritesPerMinute", "many")]
    [InlineData("Permits:Email:PollSeconds", "7")]
    [InlineData("Permits:Scheduler:Name", "")]
    [InlineData("Permits:Scheduler:Queues", "periods,mail")]
    [InlineData("Permits:Scheduler:Queues", "Emails")]
    [InlineData("Permits:Scheduler:Workers", "0")]
    [InlineData("Permits:DataProtection:CertificatePath", "")]
    [InlineData("Permits:Silo:SiloPort", "70000")]
    [InlineData("Permits:Silo:ClusterId", "two words")]
    [InlineData("Permits:Silo:Clustering", "Gossip")]
    [InlineData("Permits:Recovery:SweepSeconds", "0")]
    [InlineData("Permits:Recovery:StaleSeconds", "0.5")]
    public async Task A_wrong_value_stops_the_host_at_start_naming_its_key(string key, string value)
    {
        var failure = await StartFailureAsync((key, value));
        Assert.Contains(key, failure);
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_host_naming_the_key()
    {
        var failure = await StartFailureAsync(("Permits:Database:Provider", "Postgres"), ("ConnectionStrings:Permits", ""));
        Assert.Contains("ConnectionStrings:Permits", failure);
    }

    [Fact]
    public async Task The_host_process_says_which_setting_is_wrong_and_exits()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Permits"] = Databases.Sqlite(_work),
            ["Permits__DataProtection__CertificatePath"] = Path.Combine(_work, "key-encryption.pfx"),
            ["Permits__Email__MaxAttempts"] = "0",
        };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(_work, environment));
        Assert.Contains("Permits:Email:MaxAttempts", refused.Message);
    }

    [Fact]
    public void What_is_not_set_has_the_defaults_the_readme_gives()
    {
        var nothing = new ConfigurationBuilder().Build();
        var database = DatabaseOptions.From(nothing);
        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=data/permits.db"), (database.Provider, database.ConnectionString));
        var email = nothing.ReadSettings<EmailOptions>(EmailOptions.Section);
        Assert.Equal(("data/outbox-mail", 8, 30.0, 2.0, 25), (email.PickupDirectory, email.MaxAttempts, email.FirstRetrySeconds, email.PollSeconds, email.Smtp.Port));
        Assert.Null(email.Smtp.Host);
        var rates = nothing.ReadSettings<RateLimitOptions>(RateLimitOptions.Section);
        Assert.Equal((20, 120), (rates.AnonymousWritesPerMinute, rates.AnonymousVerifyPerMinute));
        var scheduler = nothing.ReadSettings<SchedulerOptions>(SchedulerOptions.Section);
        Assert.Equal((true, "travel-permits"), (scheduler.Enabled, scheduler.Name));
        Assert.Equal((null, 4), (scheduler.QueueNames, scheduler.Workers));
        Assert.Equal("data/key-encryption.pfx", nothing.ReadSettings<KeyEncryptionOptions>(KeyEncryptionOptions.Section).CertificatePath);
        Assert.False(nothing.ReadSettings<BenchOptions>(BenchOptions.Section).Enabled);
        Assert.False(nothing.ReadSettings<Demo.DemoOptions>(Demo.DemoOptions.Section).Enabled);
        var recovery = nothing.ReadSettings<SharedKernel.Recovery.RecoveryOptions>(SharedKernel.Recovery.RecoveryOptions.Section);
        Assert.Equal((30.0, 120.0), (recovery.SweepSeconds, recovery.StaleSeconds));
    }

    [Fact]
    public void A_setting_is_read_case_insensitively_as_before()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Permits:Database:Provider"] = "postgres",
            ["ConnectionStrings:Permits"] = "Host=db",
        }).Build();
        Assert.Equal(DatabaseProvider.Postgres, DatabaseOptions.From(configuration).Provider);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=permits", true)]
    [InlineData("Host=localhost;Port=5433;Username=permits", true)]
    [InlineData("Host=127.0.0.1:5433,localhost;Username=permits", true)]
    [InlineData("Host=::1;Username=permits", true)]
    [InlineData("Host=db;Username=permits", false)]
    [InlineData("Host=127.0.0.1,db;Username=permits", false)]
    [InlineData("Host=10.0.0.5;Username=permits", false)]
    [InlineData("Host=127.0.0.1;SSL Mode=Require;Username=permits", false)]
    [InlineData("Host=127.0.0.1;sslmode=prefer;Username=permits", false)]
    public void PostgreSQL_on_the_loopback_goes_without_tls_unless_the_connection_string_chooses(string set, bool disabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Permits:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Permits"] = set,
        }).Build();
        var used = DatabaseOptions.From(configuration).ConnectionString;
        if (disabled)
        {
            Assert.Equal(Npgsql.SslMode.Disable, new Npgsql.NpgsqlConnectionStringBuilder(used).SslMode);
            Assert.Equal(new Npgsql.NpgsqlConnectionStringBuilder(set) { SslMode = Npgsql.SslMode.Disable }.ConnectionString, used);
        }
        else
        {
            Assert.Equal(set, used);
        }
    }

    /// <summary>Starts the in-memory Host on a scratch folder with these settings; returns what stopped it.</summary>
    private async Task<string> StartFailureAsync(params (string Key, string Value)[] settings)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Permits", Databases.Sqlite(_work));
            web.UseSetting("Permits:DataProtection:CertificatePath", Path.Combine(_work, "key-encryption.pfx"));
            web.UseSetting("Permits:Email:PickupDirectory", Path.Combine(_work, "mail"));
            web.UseSetting("Permits:Scheduler:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        var stopped = Assert.ThrowsAny<Exception>(() => factory.Server);
        var messages = new List<string>();
        for (Exception? e = stopped; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        Assert.False(File.Exists(Path.Combine(_work, "permits.db")), "settings are checked before the database is touched");
        return string.Join("\n", messages);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
