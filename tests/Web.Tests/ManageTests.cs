using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>The screens of the approving agency, the ward and the admin: figures, enterprises, policies and periods, the audit trail.</summary>
[Collection(WebCollection.Name)]
public sealed class ManageTests(WebHost web)
{
    private async Task<JsonElement> StatsAsync(string email, string query = "")
    {
        using var client = await web.ApiAsync(email);
        using var response = await client.GetAsync($"/api/v1/stats{query}", TestContext.Current.CancellationToken);
        return await response.Expect(HttpStatusCode.OK);
    }

    private static string Count(JsonElement stats, string part, string status) =>
        stats.GetProperty(part).GetProperty("byStatus").GetProperty(status).GetInt32().ToString(CultureInfo.InvariantCulture);

    /// <summary>The numbers beside each bar and on each card are the API's.</summary>
    private static async Task ExpectFiguresAsync(IPage page, JsonElement stats)
    {
        await Expect(page.Locator("#n-enterprises")).ToHaveTextAsync(stats.GetProperty("enterprises").GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#n-permits")).ToHaveTextAsync(stats.GetProperty("permits").GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture));
        foreach (var (list, part) in new[] { ("permits", "permits"), ("enterprises", "enterprises"), ("requests", "requests") })
        {
            foreach (var status in stats.GetProperty(part).GetProperty("byStatus").EnumerateObject())
            {
                await Expect(page.Locator($"#{list} li[data-status='{status.Name}'] .bar-value")).ToHaveTextAsync(Count(stats, part, status.Name));
            }
        }
        var places = stats.GetProperty("places");
        await Expect(page.Locator("#n-places")).ToHaveTextAsync($"{places.GetProperty("taken").GetInt32()} / {places.GetProperty("quota").GetInt32()}");
    }

    private async Task<(string Id, string Name)> SelfRegisterAsync(string tag)
    {
        var name = $"Công ty Chờ Duyệt {tag}";
        using var client = web.Host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/enterprises/registrations", new
        {
            name, taxCode = TestData.TaxCode(), wardCode = WebHost.DemoWard, address = "7 Lê Lợi, Hải Châu",
            contactEmail = $"hr.{tag.ToLowerInvariant()}@example.vn", contactPhone = "0905 111 222", workforce = 80,
        }, TestContext.Current.CancellationToken);
        return ((await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!, name);
    }

    /// <summary>Letters only, so that a name holding it stays a valid name.</summary>
    private static string Tag() => "Q" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [Fact]
    public async Task An_approver_sees_the_city_s_figures_as_the_API_counts_them_and_narrows_them_to_a_ward()
    {
        await using var approver = await web.OpenAsync();
        await approver.SignInAsync(WebHost.Approver);
        await approver.Page.Locator("nav a[href='/stats']").ClickAsync();
        await Expect(approver.Page.Locator("h1")).ToHaveTextAsync("Thống kê");
        await Expect(approver.Page.Locator("#scope")).ToContainTextAsync("tỉnh/thành phố 48");
        await ExpectFiguresAsync(approver.Page, await StatsAsync(WebHost.Approver));
        await approver.CheckAccessibilityAsync();

        await approver.Page.Locator("#ward").SelectOptionAsync(WebHost.DemoWard);
        await approver.Page.Locator("#filters button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#scope")).ToContainTextAsync("Phường Thanh Bình");
        await Expect(approver.Page.Locator("#scope .level")).ToHaveTextAsync(new Regex("^Cấp [1-4] – "));
        var ward = await StatsAsync(WebHost.Approver, $"?wardCode={WebHost.DemoWard}");
        Assert.True(ward.GetProperty("enterprises").GetProperty("total").GetInt32() >= 3, "the demo's three enterprises");
        await ExpectFiguresAsync(approver.Page, ward);

        // The approver's enterprises: every action of an active one, the period's clearing among them.
        await approver.Page.Locator("nav a[href='/enterprises']").ClickAsync();
        await approver.Page.Locator("#enterprises button", new() { HasText = "Thu hồi theo đợt" }).First.ClickAsync();
        await Expect(approver.Page.Locator("#clear-dialog")).ToBeVisibleAsync();
        await approver.CheckAccessibilityAsync();
        await approver.Page.Locator("#clear-dialog .cancel").ClickAsync();
        await Expect(approver.Page.Locator("#clear-dialog")).ToBeHiddenAsync();

        // A ward's police see their ward only, on a phone.
        await using var police = await web.OpenAsync(width: 360, height: 740);
        await police.SignInAsync(WebHost.WardPolice);
        await police.GotoAsync("/stats");
        await ExpectFiguresAsync(police.Page, await StatsAsync(WebHost.WardPolice));
        await Expect(police.Page.Locator("#ward")).ToHaveCountAsync(0);
        await police.CheckFitsWidthAsync();
        await police.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task An_officer_activates_a_pending_registration_and_changes_its_quota_and_the_admin_finds_the_activation_in_the_audit_trail()
    {
        var (id, name) = await SelfRegisterAsync(Tag());
        await using (var officer = await web.OpenAsync())
        {
            await officer.SignInAsync(WebHost.WardOfficer);
            await officer.Page.Locator("nav a[href='/enterprises']").ClickAsync();
            await officer.Page.Locator("#q").FillAsync(name);
            await officer.Page.Locator("#status").SelectOptionAsync("pending");
            await officer.Page.Locator("#search button[type=submit]").ClickAsync();
            await Expect(officer.Page.Locator("#enterprises tbody tr")).ToHaveCountAsync(1);
            await officer.CheckAccessibilityAsync();
            await officer.Page.GetByRole(AriaRole.Button, new() { Name = $"Kích hoạt {name}" }).ClickAsync();
            await Expect(officer.Page.Locator("#done")).ToContainTextAsync($"Đã kích hoạt {name}");

            await officer.Page.Locator("#status").SelectOptionAsync("");
            await officer.Page.Locator("#search button[type=submit]").ClickAsync();
            var row = officer.Page.Locator($"#enterprises tr[data-id='{id}']");
            await Expect(row).ToContainTextAsync("Đang hoạt động");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Đổi hạn mức của {name}" }).ClickAsync();
            await officer.Page.Locator("#quota-value").FillAsync("7");
            await officer.CheckAccessibilityAsync();
            await officer.Page.Locator("#quota-form button[type=submit]").ClickAsync();
            await Expect(officer.Page.Locator("#quota-error")).ToHaveTextAsync("Nhập lý do."); // the reason is required
            await officer.Page.Locator("#quota-reason").FillAsync("Chỉ bộ phận sản xuất");
            await officer.Page.Locator("#quota-form button[type=submit]").ClickAsync();
            await Expect(officer.Page.Locator("#done")).ToContainTextAsync($"Hạn mức của {name} là 7.");
            await Expect(row.Locator(".quota")).ToHaveTextAsync("0 / 7");
        }
        using (var api = await web.ApiAsync(WebHost.WardOfficer))
        {
            using var read = await api.GetAsync($"/api/v1/enterprises/{id}", TestContext.Current.CancellationToken);
            var enterprise = await read.Expect(HttpStatusCode.OK);
            Assert.Equal(("active", 7), (enterprise.GetProperty("status").GetString(), enterprise.GetProperty("quota").GetInt32()));
        }

        await using var admin = await web.OpenAsync(width: 360, height: 740);
        await admin.SignInAsync(WebHost.Admin);
        await admin.GotoAsync("/audit");
        await admin.Page.Locator("#entityType").SelectOptionAsync("enterprise");
        await admin.Page.Locator("#entityId").FillAsync(id);
        await admin.Page.Locator("#action").FillAsync("enterprise.activated");
        await admin.Page.Locator("#filters button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#audit tbody tr")).ToHaveCountAsync(1);
        await Expect(admin.Page.Locator("#audit tbody tr")).ToContainTextAsync(WebHost.WardOfficer);
        await admin.Page.Locator("#action").FillAsync("enterprise.");
        await admin.Page.Locator("#filters button[type=submit]").ClickAsync();
        await Expect(admin.Page.Locator("#audit tbody")).ToContainTextAsync("enterprise.quota_changed");
        await Expect(admin.Page.Locator("#audit tbody")).ToContainTextAsync("Chỉ bộ phận sản xuất");
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task An_officer_registers_an_enterprise_whose_every_field_error_shows_at_once()
    {
        var tag = Tag();
        await using var police = await web.OpenAsync(width: 360, height: 740);
        await police.SignInAsync(WebHost.AreaPolice);
        await police.GotoAsync("/enterprises");
        await Expect(police.Page.Locator("#enterprises tbody tr").First).Not.ToContainTextAsync("Đang tải");
        await police.Page.Locator("#r-name").FillAsync($"Công ty Mới {tag}");
        await police.Page.Locator("#r-taxCode").FillAsync("123");
        await police.Page.Locator("#register button[type=submit]").ClickAsync();
        await Expect(police.Page.Locator("#failed li")).Not.ToHaveCountAsync(0);
        await police.Page.Locator("#r-taxCode").FillAsync(TestData.TaxCode());
        await police.Page.Locator("#r-address").FillAsync("1 Bạch Đằng, Hải Châu");
        await police.Page.Locator("#r-email").FillAsync($"lienhe.{tag.ToLowerInvariant()}@example.vn");
        await police.Page.Locator("#r-phone").FillAsync("0905 333 444");
        await police.Page.Locator("#r-workforce").FillAsync("40");
        await police.Page.Locator("#register button[type=submit]").ClickAsync();
        await Expect(police.Page.Locator("#done")).ToContainTextAsync($"Đã đăng ký Công ty Mới {tag}");
        await Expect(police.Page.Locator("#enterprises tbody")).ToContainTextAsync($"Công ty Mới {tag}");
        // The area police register, and read, but do not decide: no button on any row.
        await Expect(police.Page.Locator("#enterprises tbody button")).ToHaveCountAsync(0);
        await police.CheckFitsWidthAsync();
        await police.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task An_approver_sets_a_ward_s_policy_creates_two_periods_and_carries_the_first_into_the_second()
    {
        const string ward = "20230"; // Phường Thuận Phước: no other browser test uses its chain
        var year = 2040 + Random.Shared.Next(0, 50); // periods of a city may not overlap: a year of its own
        var label = $"Đợt {Tag()}";
        await using var approver = await web.OpenAsync();
        await approver.SignInAsync(WebHost.Approver);
        await approver.Page.Locator("nav a[href='/policies']").ClickAsync();
        await approver.Page.Locator("#ward").SelectOptionAsync(ward);
        await Expect(approver.Page.Locator("#ward-effective")).ToContainTextAsync("%");
        await approver.Page.Locator("#ward-ratio").FillAsync("40");
        await approver.Page.Locator("#police-stamp").CheckAsync();
        await approver.Page.Locator("#ward-policy button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#done")).ToContainTextAsync("Phường Thuận Phước");
        await Expect(approver.Page.Locator("#ward-effective")).ToContainTextAsync("40%");
        using (var api = await web.ApiAsync(WebHost.Approver))
        {
            using var read = await api.GetAsync($"/api/v1/wards/{ward}/policy", TestContext.Current.CancellationToken);
            var policy = await read.Expect(HttpStatusCode.OK);
            Assert.Equal((40, true, false), (policy.GetProperty("defaultRatioPercent").GetInt32(),
                policy.GetProperty("chain").GetProperty("policeStamp").GetBoolean(), policy.GetProperty("chain").GetProperty("policeVerify").GetBoolean()));
        }

        async Task CreateAsync(string name, string from, string through)
        {
            await approver.Page.Locator("#p-label").FillAsync(name);
            await approver.Page.Locator("#p-start").FillAsync(from);
            await approver.Page.Locator("#p-end").FillAsync(through);
            await approver.Page.Locator("#create-period button[type=submit]").ClickAsync();
            await Expect(approver.Page.Locator("#done")).ToContainTextAsync($"Đã tạo đợt {name}");
        }
        await approver.Page.Locator("#p-label").FillAsync(label);
        await approver.Page.Locator("#p-start").FillAsync("31/02/2040");
        await approver.Page.Locator("#p-end").FillAsync("14/01/2040");
        await approver.Page.Locator("#create-period button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#failed")).ToContainTextAsync("dd/MM/yyyy");
        await CreateAsync(label + " A", $"01/01/{year}", $"14/01/{year}");
        await CreateAsync(label + " B", $"15/01/{year}", $"28/01/{year}");
        var first = approver.Page.Locator("#periods tbody tr", new() { HasText = label + " A" });
        await Expect(first).ToContainTextAsync($"01/01/{year} 00:00");
        await Expect(first).ToContainTextAsync($"15/01/{year} 00:00"); // through the 14th
        await approver.CheckAccessibilityAsync();
        await first.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(approver.Page.Locator("#rollover-to option")).ToHaveCountAsync(1);
        await approver.CheckAccessibilityAsync();
        await approver.Page.Locator("#rollover-form button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#done")).ToContainTextAsync($"Đã chuyển 0 giấy của 0 doanh nghiệp sang đợt {label} B");
    }

    [Fact]
    public async Task A_ward_s_policy_answered_late_never_fills_in_the_ward_chosen_after_it()
    {
        const string ward = "20203"; // Phường Tam Thuận: no other browser test uses it
        using (var api = await web.ApiAsync(WebHost.Approver))
        {
            using var set = await api.PutAsync($"/api/v1/wards/{ward}/policy", JsonContent.Create(
                new { defaultRatioPercent = 73, chain = new { policeVerify = false, policeStamp = false } }), TestContext.Current.CancellationToken);
            await set.Expect(HttpStatusCode.OK);
        }
        await using var approver = await web.OpenAsync();
        await approver.SignInAsync(WebHost.Approver);
        // Every ward's policy waits until the test lets it through, the chosen ward's last.
        var first = new TaskCompletionSource();
        var chosen = new TaskCompletionSource();
        await approver.Page.RouteAsync("**/api/v1/wards/*/policy", async route =>
        {
            await (route.Request.Url.Contains($"/wards/{ward}/", StringComparison.Ordinal) ? chosen.Task : first.Task);
            await route.ContinueAsync();
        });
        await approver.Page.Locator("nav a[href='/policies']").ClickAsync();
        await approver.Page.Locator("#ward").SelectOptionAsync(ward);
        // Until its answer comes, the chosen ward's fields cannot be typed into.
        await Expect(approver.Page.Locator("#ward-policy")).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(approver.Page.Locator("#ward-ratio")).ToBeDisabledAsync();
        await Expect(approver.Page.Locator("#ward-effective")).ToBeEmptyAsync();
        chosen.SetResult();
        await Expect(approver.Page.Locator("#ward-policy")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(approver.Page.Locator("#ward-ratio")).ToHaveValueAsync("73");
        // The first ward's answer, now late, is dropped: what the approver types is saved for the ward chosen.
        first.SetResult();
        await approver.Page.Locator("#ward-ratio").FillAsync("41");
        await approver.Page.Locator("#ward-policy button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#done")).ToContainTextAsync("Phường Tam Thuận");
        await Expect(approver.Page.Locator("#ward-effective")).ToContainTextAsync("41%");
        await Expect(approver.Page.Locator("#ward")).ToHaveValueAsync(ward);
        using var check = await web.ApiAsync(WebHost.Approver);
        using var read = await check.GetAsync($"/api/v1/wards/{ward}/policy", TestContext.Current.CancellationToken);
        Assert.Equal(41, (await read.Expect(HttpStatusCode.OK)).GetProperty("defaultRatioPercent").GetInt32());
    }

    [Theory]
    [InlineData(WebHost.WardOfficer, "/audit")]
    [InlineData(WebHost.WardOfficer, "/policies")]
    [InlineData(WebHost.WardOfficer, "/levels")]
    [InlineData("checkpoint@danang.demo", "/levels")]
    [InlineData(WebHost.AreaPolice, "/audit")]
    [InlineData(WebHost.WardPolice, "/enterprises")]
    [InlineData(WebHost.Clerk, "/stats")]
    [InlineData("checkpoint@danang.demo", "/stats")]
    [InlineData(WebHost.Admin, "/enterprises")]
    public async Task A_screen_is_closed_to_the_roles_the_API_refuses(string email, string path)
    {
        await using var browser = await web.OpenAsync();
        await browser.SignInAsync(email);
        await Expect(browser.Page.Locator("nav")).ToBeVisibleAsync();
        await Expect(browser.Page.Locator($"nav a[href='{path}']")).ToHaveCountAsync(0);
        var response = await browser.Page.GotoAsync(path);
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
    }
}
