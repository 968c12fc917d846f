using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using TravelPermits.Bench.Screens;

// Each screen of the web interface on the demo city (bench/screens.sh starts the Host with --demo):
// for each role, its menu's screens, and the public pages; each loaded cold (a new browser profile,
// empty cache, the session cookie only) and warm (the same profile again), at 360x740 as on a phone.
//
//   TravelPermits.Bench.Screens --base URL --out FILE [--runs N] [--chromium PATH] [--password P]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
var baseAddress = new Uri(options.GetValueOrDefault("base") ?? throw new ArgumentException("--base URL is required"));
var output = options.GetValueOrDefault("out") ?? "bench/results/screens.md";
var runs = int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
var chromium = options.GetValueOrDefault("chromium", "/usr/bin/chromium");
var password = options.GetValueOrDefault("password", "DaNang@2021");

string[] users =
[
    "enterprise@danang.demo", "ward-officer@danang.demo", "area-police@danang.demo", "approver@danang.demo",
    "ward-police@danang.demo", "admin@danang.demo", "checkpoint@danang.demo",
];

Console.WriteLine("screens: a request approved and permits issued for the demo enterprise");
var token = await DemoData.IssueAsync(baseAddress, users[0], users[3], password, people: 5);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async Task<IBrowserContext> ProfileAsync(string? storageState)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        StorageState = storageState,
    });
    context.SetDefaultTimeout(30_000);
    await context.AddInitScriptAsync(ScreenLoad.RecordChanges);
    return context;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
var loadBefore = LoadAverage();
var rows = new List<(string Who, string Path, List<Load> Cold, List<Load> Warm)>();

async Task MeasureAsync(string who, string path, string? storageState)
{
    var cold = new List<Load>();
    var warm = new List<Load>();
    for (var run = 0; run < runs; run++)
    {
        await using var context = await ProfileAsync(storageState);
        var page = await context.NewPageAsync();
        cold.Add(await ScreenLoad.MeasureAsync(page, path));
        warm.Add(await ScreenLoad.MeasureAsync(page, path));
    }
    rows.Add((who, path, cold, warm));
    var shown = path.Length > 24 ? path[..20] + "…" : path;
    Console.WriteLine(FormattableString.Invariant(
        $"  {who,-28} {shown,-24} cold {Median(cold, l => l.UsableMs),6:F0} ms  warm {Median(warm, l => l.UsableMs),6:F0} ms  js+css {cold[0].AssetBytes / 1024.0,6:F1} KB (gzip {cold[0].GzipBytes / 1024.0:F1} KB)"));
}

// Warm-up: the Host's first answers (JIT, caches) are not what a user meets all day.
await using (var warmup = await ProfileAsync(null))
{
    var page = await warmup.NewPageAsync();
    await page.GotoAsync("/");
}

Console.WriteLine("screens: public pages");
await MeasureAsync("(anyone)", "/", null);
await MeasureAsync("(anyone)", "/set-password", null);
await MeasureAsync("(anyone)", "/register", null);
await MeasureAsync("(anyone)", $"/v/{token ?? "KHONGPHAIMA"}", null);

foreach (var email in users)
{
    Console.WriteLine($"screens: {email}");
    string state;
    string[] screens;
    await using (var context = await ProfileAsync(null))
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith('/'));
        // Every screen of the role's menu but Hangfire's own dashboard, a third-party page of its own.
        screens = (await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(screen => screen != "/admin/hangfire").ToArray();
        state = await context.StorageStateAsync();
        foreach (var screen in screens)
        {
            await page.GotoAsync(screen); // the Host's first call of each screen's API, outside the measure
        }
    }
    foreach (var screen in screens)
    {
        await MeasureAsync(email, screen, state);
    }
}

var report = Report(rows, runs, browser.Version, token is null, $"load average (1, 5, 15 min) {loadBefore} before, {LoadAverage()} after");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine($"screens: written to {output}");
return 0;

static double Median(IReadOnlyList<Load> loads, Func<Load, double> value)
{
    var sorted = loads.Select(value).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Report(List<(string Who, string Path, List<Load> Cold, List<Load> Warm)> rows, int runs, string browserVersion, bool noPermit, string machineLoad)
{
    const double TimeTarget = 1000;
    const double BytesTarget = 150 * 1024;
    var text = new StringBuilder();
    var c = CultureInfo.InvariantCulture;
    static string Kb(double bytes) => (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture);
    var servedCompressed = rows.Any(r => r.Cold[0].ServedBytes < r.Cold[0].AssetBytes);
    text.AppendLine("# Screen loads on the demo city (bench/screens.sh)");
    text.AppendLine();
    text.AppendLine(c, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Chromium {browserVersion} headless at 360x740; {Environment.ProcessorCount} cores; the Host in Release on SQLite with `--demo`; {runs} cold and {runs} warm loads of each screen; the machine shared with other work: {machineLoad}.");
    text.AppendLine();
    text.AppendLine("- **usable**: from navigation start to the later of the load event, the end of the screen's last API answer and the last change of the page within 250 ms of it (the data drawn); median of the runs, and the slowest.");
    text.AppendLine("- **cold**: a new browser profile with the session cookie only (nothing cached); **warm**: the same screen opened again in that profile (the assets revalidated: the Host serves them `no-cache` with an ETag).");
    text.AppendLine(servedCompressed
        ? "- **JS + CSS**: the scripts and styles a cold load downloads, as served (compressed) and gzip-compressed here, besides the QR decoder (jsQR), counted apart."
        : "- **JS + CSS**: the scripts and styles a cold load downloads: as served (the Host does **not** compress static files: served = raw) and their gzip size (computed here, `CompressionLevel.Optimal`), besides the QR decoder (jsQR), counted apart.");
    text.AppendLine("- Targets (issue 14): under 1 s to usable; under 150 KB of JavaScript and CSS, compressed, besides the QR decoder.");
    if (noPermit)
    {
        text.AppendLine("- The demo enterprise could not issue a permit: the phone page was opened with an invalid code.");
    }
    text.AppendLine();
    text.AppendLine("| who | screen | usable cold, median (max) | usable warm, median (max) | requests (cold) | JS + CSS raw | served | gzip | jsQR gzip | 1 s | 150 KB |");
    text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
    foreach (var (who, path, cold, warm) in rows)
    {
        var first = cold[0];
        var shown = path.StartsWith("/v/", StringComparison.Ordinal) ? "/v/{token}" : path;
        var coldMedian = Median(cold, l => l.UsableMs);
        var compressed = first.ServedBytes < first.AssetBytes ? first.ServedBytes : first.GzipBytes;
        text.AppendLine(c, $"| {who} | `{shown}` | {coldMedian:F0} ms ({cold.Max(l => l.UsableMs):F0}) | {Median(warm, l => l.UsableMs):F0} ms ({warm.Max(l => l.UsableMs):F0}) | {first.Requests} | {Kb(first.AssetBytes)} KB | {Kb(first.ServedBytes)} KB | {Kb(first.GzipBytes)} KB | {(first.DecoderGzip == 0 ? "–" : Kb(first.DecoderGzip) + " KB")} | {(coldMedian < TimeTarget ? "met" : "missed")} | {(compressed < BytesTarget ? "met" : "missed")} |");
    }
    var all = rows.SelectMany(r => r.Cold).ToList();
    text.AppendLine();
    text.AppendLine(c, $"Slowest cold median: {rows.Max(r => Median(r.Cold, l => l.UsableMs)):F0} ms; heaviest screen: {Kb(all.Max(l => l.AssetBytes))} KB raw, {Kb(all.Max(l => l.GzipBytes))} KB gzip.");
    return text.ToString();
}
