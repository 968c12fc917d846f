using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;

namespace TravelPermits.Web.Tests;

/// <summary>
/// The Host as a user starts it (a real process on Kestrel, with the demo city) and Debian's
/// Chromium driven by Playwright. Without /usr/bin/chromium the tests are skipped, unless
/// <c>PERMITS_TEST_REQUIRE_BROWSER=1</c> (CI), where its absence fails them.
/// </summary>
public sealed class WebHost : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Password = "DaNang@2021";
    public const string Admin = "admin@danang.demo";
    public const string Clerk = "enterprise@danang.demo";
    public const string WardOfficer = "ward-officer@danang.demo";
    public const string Approver = "approver@danang.demo";
    public const string AreaPolice = "area-police@danang.demo";
    public const string WardPolice = "ward-police@danang.demo";
    public const string DemoWard = "20227"; // Phường Thanh Bình

    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("permits-web-").FullName;
    public string MailDirectory => Path.Combine(WorkDirectory, "mail");
    public Uri BaseAddress => Host.BaseAddress;
    public HostProcess Host => _host ?? throw new InvalidOperationException(_unavailable);

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("PERMITS_TEST_REQUIRE_BROWSER") == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            _unavailable = $"Browser tests need Debian's Chromium at {Chromium} (apt-get install chromium).";
            if (BrowserRequired)
            {
                throw new InvalidOperationException(_unavailable);
            }
            return;
        }
        _host = await HostProcess.StartAsync(WorkDirectory, new Dictionary<string, string>
        {
            ["Permits__Demo__Enabled"] = "true",
            ["Permits__Bootstrap__AdminEmail"] = Admin,
            ["Permits__Bootstrap__AdminPassword"] = Password,
            ["Permits__Email__PickupDirectory"] = MailDirectory,
            ["Permits__Email__PollSeconds"] = "1",
            ["Permits__RateLimits__AnonymousWritesPerMinute"] = "10000",
            ["Permits__RateLimits__AnonymousVerifyPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information", // "Now listening on", which HostProcess waits for
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright, []);
    }

    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright, IEnumerable<string> extraArgs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. extraArgs],
        });

    /// <summary>
    /// A Chromium of the test's own, started with more arguments (a fake camera filming a file, say), for
    /// <see cref="OpenAsync(IBrowser, int, int)"/>; the test disposes of it. Skips the test without Chromium.
    /// </summary>
    public async Task<IBrowser> LaunchAsync(params string[] extraArgs)
    {
        if (_playwright is null)
        {
            Assert.Skip(_unavailable ?? "no browser");
        }
        return await LaunchChromiumAsync(_playwright, extraArgs);
    }

    /// <summary>A new browser profile (no cookies) on a page of this width; skips the test without Chromium.</summary>
    public Task<BrowserPage> OpenAsync(int width = 1280, int height = 900)
    {
        if (_browser is null)
        {
            Assert.Skip(_unavailable ?? "no browser");
        }
        return OpenAsync(_browser, width, height);
    }

    /// <summary>A new browser profile (no cookies) of this browser on a page of this width.</summary>
    public async Task<BrowserPage> OpenAsync(IBrowser browser, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // The browser asks for English: the pages are in Vietnamese all the same, until the user chooses.
            Locale = "en-US",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await BrowserPage.OpenAsync(context, BaseAddress);
    }

    /// <summary>An API client signed in with a bearer token, for a test's setup and checks.</summary>
    public async Task<HttpClient> ApiAsync(string email)
    {
        var client = Host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        var token = (await response.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
        return client.WithBearer(token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the ended process: left in the temp folder
        }
    }
}
