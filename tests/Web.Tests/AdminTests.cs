using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>The admin's system screens: the catalogue import, the signing keys, the email outbox, the cluster and the Hangfire dashboard.</summary>
[Collection(WebCollection.Name)]
public sealed class AdminTests(WebHost web)
{
    /// <summary>Clicks what loads a page of the outbox, and waits for its answer to be shown.</summary>
    private static async Task OutboxPageAsync(IPage page, string selector)
    {
        await page.Locator(selector).ClickAsync();
        await Expect(page.Locator("#outbox[aria-busy]")).ToHaveCountAsync(0);
    }

    /// <summary>The admin, signed in on a phone-sized page, on the screen the menu links to at <paramref name="path"/>.</summary>
    private async Task<BrowserPage> AdminScreenAsync(string path, string title)
    {
        var admin = await web.OpenAsync(width: 360, height: 740);
        await admin.SignInAsync(WebHost.Admin);
        await admin.Page.Locator($"nav a[href='{path}']").ClickAsync();
        await Expect(admin.Page.Locator("h1")).ToHaveTextAsync(title);
        return admin;
    }

    [Fact]
    public async Task The_admin_imports_the_national_catalogue_and_sees_the_counts()
    {
        await using var admin = await AdminScreenAsync("/admin/geography", "Danh mục đơn vị hành chính");
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();
        await admin.Page.Locator("#import button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#failed")).ToHaveTextAsync("Chọn tệp danh mục.");

        await admin.Page.Locator("#file").SetInputFilesAsync(Repository.Catalogue);
        await admin.Page.Locator("#import button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#n-cities")).ToHaveTextAsync("63", new() { Timeout = 60_000 });
        await Expect(admin.Page.Locator("#n-districts")).ToHaveTextAsync("705");
        await Expect(admin.Page.Locator("#n-wards")).ToHaveTextAsync("10.603");
        await Expect(admin.Page.Locator("#done")).ToContainTextAsync("63 tỉnh/thành phố, 705 quận/huyện, 10.603 phường/xã");
        await Expect(admin.Page.Locator("#failed")).ToBeHiddenAsync();
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();

        // Imported again: nothing created, nothing updated.
        await admin.Page.Locator("#import button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#n-created")).ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await Expect(admin.Page.Locator("#n-updated")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task The_admin_rotates_the_signing_key_after_confirming_and_sees_the_new_key_current()
    {
        await using var admin = await AdminScreenAsync("/admin/keys", "Khóa ký giấy đi đường");
        var current = admin.Page.Locator("#keys tbody tr", new() { HasText = "Hiện hành" });
        await Expect(current).ToHaveCountAsync(1);
        var before = await current.GetAttributeAsync("data-kid");
        var count = await admin.Page.Locator("#keys tbody tr[data-kid]").CountAsync();
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();

        // Cancelled: nothing changes.
        await admin.Page.Locator("#rotate").ClickAsync();
        await Expect(admin.Page.Locator("#rotate-dialog")).ToBeVisibleAsync();
        await admin.CheckAccessibilityAsync();
        await admin.Page.Locator("#rotate-dialog .cancel").ClickAsync();
        await Expect(admin.Page.Locator("#rotate-dialog")).ToBeHiddenAsync();
        await Expect(admin.Page.Locator("#keys tbody tr[data-kid]")).ToHaveCountAsync(count);

        await admin.Page.Locator("#rotate").ClickAsync();
        await admin.Page.Locator("#rotate-form button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#done")).ToContainTextAsync("Đã thay khóa ký");
        await Expect(admin.Page.Locator("#keys tbody tr[data-kid]")).ToHaveCountAsync(count + 1);
        await Expect(current).ToHaveCountAsync(1);
        var after = await current.GetAttributeAsync("data-kid");
        Assert.NotEqual(before, after);
        await Expect(admin.Page.Locator("#done")).ToContainTextAsync(after!);
        var retiredRow = admin.Page.Locator($"#keys tbody tr[data-kid='{before}']");
        await Expect(retiredRow).ToContainTextAsync("Đã thay");
        // Made, and retired, at dates in Vietnam's time; the current key has no retirement date.
        await Expect(retiredRow.Locator("td").Nth(4)).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await Expect(current.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await Expect(current.Locator("td").Nth(4)).ToHaveTextAsync("");

        // As published to verifiers.
        using var keys = await web.Host.CreateClient().GetAsync("/api/v1/verify/keys", TestContext.Current.CancellationToken);
        var published = (await keys.Expect(HttpStatusCode.OK)).GetProperty("keys").EnumerateArray()
            .Single(k => !k.GetProperty("retired").GetBoolean());
        Assert.Equal(after, published.GetProperty("kid").GetString());
        Assert.Equal(JsonValueKind.Null, published.GetProperty("retiredAt").ValueKind);
        Assert.True(published.GetProperty("createdAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_admin_finds_an_email_in_the_outbox_and_filters_it_by_status()
    {
        var contact = $"outbox.{ApiSteps.Tag().ToLowerInvariant()}@example.vn";
        using (var officer = await web.ApiAsync(WebHost.WardOfficer))
        {
            using var registered = await officer.PostJson("/api/v1/enterprises", new
            {
                name = "Công ty TNHH Hộp Thư", taxCode = TestData.TaxCode(), wardCode = WebHost.DemoWard, address = "3 Trần Phú",
                contactEmail = contact, contactPhone = "0905123456", workforce = 20,
            });
            await registered.Expect(HttpStatusCode.Created);
        }
        await using var admin = await AdminScreenAsync("/admin/outbox", "Hộp thư đi");
        var row = admin.Page.Locator("#outbox tbody tr", new() { HasText = contact });
        // Oldest first, a page at a time: the email is on the last page.
        await Expect(admin.Page.Locator("#outbox tbody tr").First).Not.ToHaveTextAsync("Đang tải…");
        await Expect(admin.Page.Locator("#outbox[aria-busy]")).ToHaveCountAsync(0);
        while (await row.CountAsync() == 0 && await admin.Page.Locator("#more").IsVisibleAsync())
        {
            await OutboxPageAsync(admin.Page, "#more");
        }
        await Expect(row.First).ToBeVisibleAsync();
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();

        // Sent to the pickup directory within a second or two.
        await admin.Page.Locator("#status").SelectOptionAsync("sent");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await OutboxPageAsync(admin.Page, "#filter button[type=submit]");
            while (await row.CountAsync() == 0 && await admin.Page.Locator("#more").IsVisibleAsync())
            {
                await OutboxPageAsync(admin.Page, "#more");
            }
            if (await row.CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        await Expect(row.First).ToContainTextAsync("Đã gửi");
        await admin.Page.Locator("#status").SelectOptionAsync("failed");
        await OutboxPageAsync(admin.Page, "#filter button[type=submit]");
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_sees_the_cluster_s_silo_and_its_grains_in_english_too()
    {
        await using var admin = await AdminScreenAsync("/admin/cluster", "Cụm máy chủ (Orleans)");
        var active = admin.Page.Locator("#silos tbody tr", new() { HasText = "Đang hoạt động" });
        await Expect(active).ToHaveCountAsync(1);
        await Expect(active.Locator("td.num").First).ToHaveTextAsync(new Regex(@"^[1-9][\d.]*$"));
        await Expect(admin.Page.Locator("#grains tbody tr").First).ToContainTextAsync(new Regex(@"\w+: [1-9]"));
        await Expect(admin.Page.Locator("#at")).ToContainTextAsync("Số liệu lúc");
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(admin.Page.Locator("h1")).ToHaveTextAsync("Server cluster (Orleans)");
        await Expect(admin.Page.Locator("#silos tbody tr", new() { HasText = "Active" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_admin_opens_the_hangfire_dashboard_under_its_own_csp()
    {
        await using var admin = await web.OpenAsync();
        await admin.SignInAsync(WebHost.Admin);
        await admin.Page.Locator("nav a[href='/admin/hangfire']").ClickAsync();
        await Expect(admin.Page).ToHaveTitleAsync(new Regex("Hangfire"));
        await Expect(admin.Page.Locator("#stats, .js-page-container").First).ToBeVisibleAsync();
        var hangfire = await admin.Page.APIRequest.GetAsync("/admin/hangfire");
        Assert.Equal(200, hangfire.Status);
        Assert.Contains("'unsafe-inline'", hangfire.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", hangfire.Headers["content-security-policy"], StringComparison.Ordinal);

        // Its buttons work: a recurring job triggered from its page, with the anti-forgery token its script sends.
        await admin.Page.GotoAsync("/admin/hangfire/recurring");
        await admin.Page.Locator("tr", new() { HasText = "outbox.sweep" }).Locator("input[type=checkbox]").CheckAsync();
        var trigger = await admin.Page.RunAndWaitForResponseAsync(
            () => admin.Page.Locator("button.js-jobs-list-command", new() { HasText = "Trigger now" }).ClickAsync(),
            response => response.Url.EndsWith("/admin/hangfire/recurring/trigger", StringComparison.Ordinal));
        Assert.Equal(204, trigger.Status);
        // The same call from elsewhere, with the admin's cookie but no token, is refused.
        var forged = await admin.Page.APIRequest.PostAsync("/admin/hangfire/recurring/trigger",
            new() { Form = admin.Page.APIRequest.CreateFormData().Set("jobs[]", "outbox.sweep") });
        Assert.Equal(403, forged.Status);

        // Every other path keeps the strict policy.
        var users = await admin.Page.APIRequest.GetAsync("/admin/users");
        Assert.DoesNotContain("unsafe-inline", users.Headers["content-security-policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ward_officer_opens_no_admin_screen_and_a_visitor_is_sent_to_sign_in()
    {
        string[] paths = ["/admin/users", "/admin/geography", "/admin/keys", "/admin/outbox", "/admin/cluster", "/admin/hangfire"];
        await using var officer = await web.OpenAsync();
        await officer.SignInAsync(WebHost.WardOfficer);
        await Expect(officer.Page.Locator("nav a[href^='/admin']")).ToHaveCountAsync(0);
        foreach (var path in paths)
        {
            var response = await officer.Page.GotoAsync(path);
            Assert.True(response!.Status == (int)HttpStatusCode.Forbidden, $"{path}: {response.Status} at {officer.Page.Url}");
            await Expect(officer.Page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");
        }
        // The dashboards' own calls too.
        var stats = await officer.Page.APIRequest.GetAsync("/admin/hangfire/stats", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, stats.Status);

        await using var visitor = await web.OpenAsync();
        foreach (var path in paths)
        {
            await visitor.Page.GotoAsync(path);
            await Expect(visitor.Page).ToHaveURLAsync(new Regex(@"/\?returnUrl="));
        }
    }
}
