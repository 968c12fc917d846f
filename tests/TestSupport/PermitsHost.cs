using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TravelPermits.SharedKernel.Persistence;
using Xunit;

namespace TravelPermits.TestSupport;

/// <summary>
/// One real Host (in memory, over a real database) per test collection. Tests share it and
/// create their own data with unique names, so that they need no reset and may run in any order.
/// </summary>
public abstract class PermitsHost : IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.local";
    public const string Password = "Test@Passw0rd";
    public const string CityCode = "48";       // Thành phố Đà Nẵng
    public const string WardCode = "20227";    // Phường Thanh Bình
    public const string OtherWardCode = "20230"; // Phường Thuận Phước, same city
    public const string OtherCityCode = "01";  // Thành phố Hà Nội
    public const string OtherCityWard = "00001"; // Phường Phúc Xá, Hà Nội

    private readonly Dictionary<string, string> _tokens = [];
    private WebApplicationFactory<Program>? _factory;
    private string? _unavailable;

    public abstract DatabaseProvider Provider { get; }
    /// <summary>
    /// The Host's clock: it starts at the real time (whole seconds, which every database stores
    /// exactly) and stands still unless a test moves it, forward only. Nothing in the in-process
    /// Host waits on it: Hangfire runs the email jobs on real time, and the period ends run only in
    /// the real Host processes (ProcessTests), so standing still changes nothing but what a test moves.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("permits-tests-").FullName;
    public string MailDirectory => Path.Combine(WorkDirectory, "mail");
    public string ConnectionString { get; private set; } = "";

    /// <summary>The in-memory server; skips the test when this provider is not available here.</summary>
    public WebApplicationFactory<Program> Factory
    {
        get
        {
            if (_unavailable is not null)
            {
                Assert.Skip(_unavailable);
            }
            return _factory!;
        }
    }

    public IServiceProvider Services => Factory.Services;

    /// <summary>A connection string to a new, empty database, or null with the reason it cannot be had.</summary>
    protected abstract Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var (connection, unavailable) = await CreateDatabaseAsync();
        if (connection is null)
        {
            _unavailable = unavailable;
            return;
        }
        ConnectionString = connection;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Permits:Database:Provider", Provider.ToString());
            web.UseSetting("ConnectionStrings:Permits", connection);
            web.UseSetting("Permits:Bootstrap:AdminEmail", AdminEmail);
            web.UseSetting("Permits:Bootstrap:AdminPassword", Password);
            web.UseSetting("Permits:Email:PickupDirectory", MailDirectory);
            web.UseSetting("Permits:DataProtection:CertificatePath", Path.Combine(WorkDirectory, "key-encryption.pfx"));
            // The in-process Hosts run on a clock the tests move by months: their job server takes the
            // emails only, and the tests run the period ends themselves (PeriodTests); the real Host
            // processes run every queue (ProcessTests).
            web.UseSetting("Permits:Scheduler:Queues", "emails");
            web.UseSetting("Permits:Email:PollSeconds", "1");
            // Each in-process Host (this one and those a test derives from it) is a cluster of its
            // own, as on SQLite: silos in one test runner, which runs many tests at once, miss each
            // other's probes and vote each other dead. What these tests assert rests on the
            // database, not on membership; ClusterTests run real clusters of Host processes.
            web.UseSetting("Permits:Silo:Clustering", "Localhost");
            web.UseSetting("Permits:Email:FirstRetrySeconds", "0.1");
            web.UseSetting("Permits:RateLimits:AnonymousWritesPerMinute", "100000");
            web.UseSetting("Permits:RateLimits:AnonymousVerifyPerMinute", "1000000");
            web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            web.ConfigureLogging(logging => logging.AddProvider(new ServerErrors()));
            if (FileLog.FromEnvironment() is { } log)
            {
                web.ConfigureLogging(logging => logging.AddProvider(log));
            }
        });
        _ = _factory.Server;
        await SeedAsync();
    }

    /// <summary>The national catalogue and one user of each role that needs no enterprise.</summary>
    private async Task SeedAsync()
    {
        var admin = await ClientAsync(AdminEmail);
        await using (var catalogue = File.OpenRead(Repository.Catalogue))
        {
            using var content = new StreamContent(catalogue);
            content.Headers.ContentType = new("application/json");
            using var response = await admin.PostAsync("/api/v1/admin/geo/import", content);
            await response.Expect(HttpStatusCode.OK);
        }
        foreach (var (role, city, ward) in StandardUsers)
        {
            await CreateUserAsync(UserEmail(role, city ?? ward), role, city, ward);
        }
        EnterpriseId = await RegisterEnterpriseAsync(WardCode);
        OtherEnterpriseId = await RegisterEnterpriseAsync(OtherWardCode);
        await CreateUserAsync(EnterpriseEmail(EnterpriseId), "enterprise", enterprise: EnterpriseId);
        await CreateUserAsync(EnterpriseEmail(OtherEnterpriseId), "enterprise", enterprise: OtherEnterpriseId);
    }

    /// <summary>An active enterprise of the fixture's ward (quota 30 of 100), with a signed-in user.</summary>
    public Guid EnterpriseId { get; private set; }

    /// <summary>An active enterprise of the other ward of the same city.</summary>
    public Guid OtherEnterpriseId { get; private set; }

    public static string EnterpriseEmail(Guid enterpriseId) => $"enterprise.{enterpriseId:N}@tests.local";

    /// <summary>Registers an active enterprise as the admin; returns its id.</summary>
    public async Task<Guid> RegisterEnterpriseAsync(string wardCode, int workforce = 100, string? name = null)
    {
        var admin = await ClientAsync(AdminEmail);
        using var response = await admin.PostJson("/api/v1/enterprises", new
        {
            name = name ?? Http.Unique("Công ty Thử"),
            taxCode = TestData.TaxCode(),
            wardCode,
            address = "12 Lê Duẩn",
            contactEmail = Http.Unique("contact") + "@tests.local",
            contactPhone = "0905123456",
            workforce,
        });
        return (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static readonly IReadOnlyList<(string Role, string? City, string? Ward)> StandardUsers =
    [
        ("approver", CityCode, null), ("checkpoint", CityCode, null),
        ("ward-officer", null, WardCode), ("area-police", null, WardCode), ("ward-police", null, WardCode),
        ("approver", OtherCityCode, null), ("ward-officer", null, OtherWardCode),
        ("area-police", null, OtherWardCode), ("ward-police", null, OtherWardCode),
    ];

    public static string UserEmail(string role, string? scope) => $"{role}.{scope}@tests.local";

    public async Task<HttpResponseMessage> TryCreateUserAsync(string email, string role, string? city = null, string? ward = null, Guid? enterprise = null)
    {
        var admin = await ClientAsync(AdminEmail);
        return await admin.PostJson("/api/v1/users", new
        {
            email, password = Password, fullName = "Người dùng thử", role, cityCode = city, wardCode = ward, enterpriseId = enterprise,
        });
    }

    public async Task CreateUserAsync(string email, string role, string? city = null, string? ward = null, Guid? enterprise = null)
    {
        using var response = await TryCreateUserAsync(email, role, city, ward, enterprise);
        await response.Expect(HttpStatusCode.Created);
    }

    /// <summary>Waits until at least this many emails to this address are in the pickup directory.</summary>
    public async Task<IReadOnlyList<Eml>> WaitForMailAsync(string to, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mails = Eml.ReadAll(MailDirectory).Where(m => m.To == to).ToList();
            if (mails.Count >= count)
            {
                return mails;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{count} email(s) to {to} expected, {mails.Count} arrived");
            await Task.Delay(50);
        }
    }

    /// <summary>A client of a user of this role in another ward (created on first use).</summary>
    public async Task<HttpClient> CreateWardUserAsync(string role, string wardCode)
    {
        var email = UserEmail(role, wardCode);
        if (!_tokens.ContainsKey(email))
        {
            using var response = await TryCreateUserAsync(email, role, ward: wardCode);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                await response.Expect(HttpStatusCode.Created);
            }
        }
        return await ClientAsync(email);
    }

    /// <summary>Waits until an email to this address matches; returns it.</summary>
    public async Task<Eml> WaitForMailAsync(string to, Func<Eml, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (Eml.ReadAll(MailDirectory).FirstOrDefault(m => m.To == to && match(m)) is { } mail)
            {
                return mail;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no matching email to {to} arrived");
            await Task.Delay(50);
        }
    }

    /// <summary>An anonymous client.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client signed in as this user (the token is kept for the fixture's life).</summary>
    public async Task<HttpClient> ClientAsync(string email, string password = Password)
    {
        if (!_tokens.TryGetValue(email, out var token))
        {
            using var response = await Factory.CreateClient().PostJson("/api/v1/auth/login", new { email, password });
            token = (await response.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
            _tokens[email] = token;
        }
        return Factory.CreateClient().WithBearer(token);
    }

    /// <summary>Forgets the bearer tokens kept: after a test moves the clock by days, they have expired.</summary>
    public void ForgetSignIns() => _tokens.Clear();

    /// <summary>A client of the standard user of this role in the fixture's city or ward.</summary>
    public Task<HttpClient> AsAsync(string role) => role switch
    {
        "admin" => ClientAsync(AdminEmail),
        "approver" or "checkpoint" => ClientAsync(UserEmail(role, CityCode)),
        "enterprise" => ClientAsync(EnterpriseEmail(EnterpriseId)),
        _ => ClientAsync(UserEmail(role, WardCode)),
    };

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
