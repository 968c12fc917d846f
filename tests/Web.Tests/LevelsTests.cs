using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>Wards' epidemic levels: the approver's screen, and the level wherever a ward or an enterprise is shown.</summary>
[Collection(WebCollection.Name)]
public sealed class LevelsTests(WebHost web)
{
    private static async Task<JsonElement> LevelsAsync(HttpClient api, string ward)
    {
        using var response = await api.Get($"/api/v1/wards/{ward}/levels");
        return await response.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_approver_puts_a_ward_at_level_3_in_lockdown_and_an_empty_reason_shows_the_API_s_error_beside_the_field()
    {
        const string ward = "20233"; // Phường Thạch Thang: no other browser test uses it
        var tag = ApiSteps.Tag();
        using var api = await web.ApiAsync(WebHost.Approver);
        Assert.Equal(0, (await LevelsAsync(api, ward)).GetProperty("items").GetArrayLength());
        string emptyReason; // the API's own message for the empty reason
        using (var refused = await api.PutJson($"/api/v1/wards/{ward}/level", new { level = 3, lockdown = true, reason = "" }))
        {
            emptyReason = (await refused.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("reason")[0].GetString()!;
        }

        await using var approver = await web.OpenAsync();
        await approver.SignInAsync(WebHost.Approver);
        await approver.Page.Locator("nav a[href='/levels']").ClickAsync();
        await Expect(approver.Page.Locator("h1")).ToHaveTextAsync("Cấp độ dịch của phường/xã");
        var row = approver.Page.Locator($"#wards tr[data-code='{ward}']");
        await Expect(row.Locator(".level")).ToHaveTextAsync("Cấp 1 – Thấp");
        await Expect(row.Locator(".level")).ToHaveClassAsync("badge level l-1");
        await Expect(row.Locator(".lockdown")).ToHaveCountAsync(0);
        await approver.CheckAccessibilityAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Điều chỉnh cấp độ của Phường Thạch Thang" }).ClickAsync();
        await Expect(approver.Page.Locator("#ward-title")).ToHaveTextAsync("Phường Thạch Thang (Quận Hải Châu)");
        await Expect(approver.Page.Locator("#ward-now")).ToContainTextAsync("chưa có quyết định nào");
        await Expect(approver.Page.Locator("#level-1")).ToBeCheckedAsync(); // the form starts from the level in force

        // An empty reason: the API's message beside the field, and nothing recorded.
        await approver.Page.Locator("#level-3").CheckAsync();
        await approver.Page.Locator("#lockdown").CheckAsync();
        await approver.Page.Locator("#reason").FillAsync("   ");
        await approver.Page.Locator("#level-form button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#reason-error")).ToHaveTextAsync(emptyReason);
        await Expect(approver.Page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(approver.Page.Locator("#reason")).ToBeFocusedAsync();
        await Expect(approver.Page.Locator("#level-error")).ToBeHiddenAsync();
        await approver.CheckAccessibilityAsync();
        await Expect(row.Locator(".level")).ToHaveTextAsync("Cấp 1 – Thấp");
        await Expect(approver.Page.Locator("#history tbody tr[data-id]")).ToHaveCountAsync(0);
        Assert.Equal(0, (await LevelsAsync(api, ward)).GetProperty("items").GetArrayLength());

        // With a reason: the badge, the mark and the history change.
        var reason = $"Ca F0 ngoài cộng đồng {tag}";
        await approver.Page.Locator("#reason").FillAsync(reason);
        await approver.Page.Locator("#level-form button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#done")).ToContainTextAsync("Phường Thạch Thang: Cấp 3 – Cao, phong tỏa từ");
        await Expect(approver.Page.Locator("#reason-error")).ToBeHiddenAsync();
        await Expect(approver.Page.Locator("#reason")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(row.Locator(".level")).ToHaveTextAsync("Cấp 3 – Cao");
        await Expect(row.Locator(".level")).ToHaveClassAsync("badge level l-3");
        await Expect(row.Locator(".lockdown")).ToHaveTextAsync("Phong tỏa");
        var decisions = approver.Page.Locator("#history tbody tr[data-id]");
        await Expect(decisions).ToHaveCountAsync(1);
        await Expect(decisions.First).ToHaveAttributeAsync("data-state", "inForce");
        foreach (var text in new[] { "Cấp 3 – Cao", "Phong tỏa", reason, WebHost.Approver, "Đang áp dụng" })
        {
            await Expect(decisions.First).ToContainTextAsync(text);
        }
        await Expect(approver.Page.Locator("#ward-now .level")).ToHaveTextAsync("Cấp 3 – Cao");
        await Expect(approver.Page.Locator("#ward-now .lockdown")).ToHaveTextAsync("Phong tỏa");
        await Expect(approver.Page.Locator("#ward-now")).ToContainTextAsync(reason);
        var inForce = await LevelsAsync(api, ward);
        Assert.Equal((3, true, reason, 1), (inForce.GetProperty("level").GetInt32(), inForce.GetProperty("lockdown").GetBoolean(),
            inForce.GetProperty("reason").GetString(), inForce.GetProperty("items").GetArrayLength()));

        // A decision for later, typed in Vietnam's time: scheduled, the level in force unchanged.
        await approver.Page.Locator("#effectiveAt").FillAsync("31/02/2099 08:30");
        await approver.Page.Locator("#reason").FillAsync($"Dự kiến nới lỏng {tag}");
        await approver.Page.Locator("#level-form button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#effectiveAt-error")).ToContainTextAsync("dd/MM/yyyy HH:mm");
        await approver.Page.Locator("#level-2").CheckAsync();
        await approver.Page.Locator("#lockdown").UncheckAsync();
        await approver.Page.Locator("#effectiveAt").FillAsync("01/02/2099 08:30");
        await approver.Page.Locator("#level-form button[type=submit]").ClickAsync();
        await Expect(approver.Page.Locator("#done")).ToContainTextAsync("Phường Thạch Thang: Cấp 2 – Trung bình sẽ áp dụng từ 01/02/2099 08:30.");
        await Expect(decisions).ToHaveCountAsync(2);
        await Expect(decisions.First).ToHaveAttributeAsync("data-state", "scheduled");
        await Expect(decisions.First).ToContainTextAsync("Sẽ áp dụng");
        await Expect(row.Locator(".level")).ToHaveTextAsync("Cấp 3 – Cao");
        var scheduled = (await LevelsAsync(api, ward)).GetProperty("items")[0];
        Assert.Equal(new DateTimeOffset(2099, 2, 1, 8, 30, 0, TimeSpan.FromHours(7)), scheduled.GetProperty("since").GetDateTimeOffset());

        // The filter: the wards at level 3 now, as the API lists them.
        await approver.Page.Locator("#level-filter").SelectOptionAsync("3");
        await approver.Page.Locator("#filters button[type=submit]").ClickAsync();
        using (var list = await api.Get("/api/v1/wards?cityCode=48&level=3"))
        {
            var atThree = (await list.Expect(HttpStatusCode.OK)).EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
            Assert.Contains(ward, atThree);
            await Expect(approver.Page.Locator("#wards tbody tr")).ToHaveCountAsync(atThree.Count);
        }
        Assert.All(await approver.Page.Locator("#wards tbody .level").AllTextContentsAsync(), level => Assert.Equal("Cấp 3 – Cao", level));
        await approver.CheckAccessibilityAsync();

        // The admin, on a phone: chooses the city and sees the same.
        await using var admin = await web.OpenAsync(width: 360, height: 740);
        await admin.SignInAsync(WebHost.Admin);
        await admin.Page.Locator("nav a[href='/levels']").ClickAsync();
        var adminRow = admin.Page.Locator($"#wards tr[data-code='{ward}']");
        await Expect(adminRow.Locator(".level")).ToHaveTextAsync("Cấp 3 – Cao");
        await Expect(adminRow.Locator(".lockdown")).ToHaveTextAsync("Phong tỏa");
        await adminRow.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(admin.Page.Locator("#history tbody tr[data-id]")).ToHaveCountAsync(2);
        await admin.CheckFitsWidthAsync();
        await admin.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task An_enterprise_of_a_ward_locked_down_at_level_4_is_told_its_permits_are_suspended_and_its_issuing_blocked()
    {
        const string ward = "20194"; // Phường Hòa Hiệp Bắc: no other browser test uses it
        var tag = ApiSteps.Tag();
        var (enterpriseId, name) = await ApiSteps.RegisterEnterpriseAsync(web, ward, workforce: 10, tag); // 30%: a quota of 3
        var clerk = await ApiSteps.CreateClerkAsync(web, enterpriseId, tag);
        await ApiSteps.IssueAsync(web, clerk, [Workbooks.Person(3, $"Hồ Văn Phong {tag}"), Workbooks.Person(4, $"Lý Thị Tỏa {tag}")]);

        using var api = await web.ApiAsync(WebHost.Approver);
        var city = await (await api.Get("/api/v1/cities/48/policy")).Expect(HttpStatusCode.OK);
        var defaultRatio = city.GetProperty("defaultRatioPercent").GetInt32();
        async Task CityRatiosAsync(object ratioByLevel)
        {
            using var response = await api.PutJson("/api/v1/cities/48/policy", new { defaultRatioPercent = defaultRatio, ratioByLevel });
            await response.Expect(HttpStatusCode.OK);
        }
        async Task LevelAsync(int level, bool lockdown)
        {
            using var response = await api.PutJson($"/api/v1/wards/{ward}/level", new { level, lockdown, reason = $"Thử {tag}" });
            await response.Expect(HttpStatusCode.OK);
        }
        await CityRatiosAsync(new Dictionary<string, int> { ["1"] = 100, ["2"] = 50, ["3"] = 30, ["4"] = 0 });
        try
        {
            await LevelAsync(4, lockdown: true);
            // The quota follows the level within seconds: 0 places, the two live permits over it.
            var enterprise = await EnterpriseWhenAsync(api, enterpriseId, e => e.GetProperty("quota").GetInt32() == 0);
            Assert.Equal(2, enterprise.GetProperty("permitsOverQuota").GetInt32());

            await using (var home = await web.OpenAsync(width: 360, height: 740))
            {
                await home.SignInAsync(clerk);
                await Expect(home.Page.Locator("#enterprise-name")).ToHaveTextAsync(name);
                await Expect(home.Page.Locator("#enterprise-ward")).ToContainTextAsync("Phường Hòa Hiệp Bắc");
                await Expect(home.Page.Locator("#enterprise-ward .level")).ToHaveTextAsync("Cấp 4 – Rất cao");
                await Expect(home.Page.Locator("#enterprise-ward .lockdown")).ToHaveTextAsync("Phong tỏa");
                await Expect(home.Page.Locator("#lockdown-notice")).ToContainTextAsync("Phường Hòa Hiệp Bắc đang bị phong tỏa: giấy đi đường của doanh nghiệp tạm dừng hiệu lực");
                await Expect(home.Page.Locator("#over-quota")).ToContainTextAsync("2 giấy đang hiệu lực trên hạn mức 0 (vượt 2 giấy");
                await Expect(home.Page.Locator("#over-quota")).ToContainTextAsync("chưa cấp thêm giấy được");
                await home.CheckFitsWidthAsync();
                await home.CheckAccessibilityAsync();
            }

            await using var approver = await web.OpenAsync();
            await approver.SignInAsync(WebHost.Approver);
            await approver.GotoAsync("/enterprises");
            await approver.Page.Locator("#q").FillAsync(name);
            await approver.Page.Locator("#search button[type=submit]").ClickAsync();
            var row = approver.Page.Locator($"#enterprises tr[data-id='{enterpriseId}']");
            await Expect(row.Locator("td.ward")).ToContainTextAsync("Phường Hòa Hiệp Bắc");
            await Expect(row.Locator("td.ward .level")).ToHaveTextAsync("Cấp 4 – Rất cao");
            await Expect(row.Locator("td.ward .lockdown")).ToHaveTextAsync("Phong tỏa");
            await Expect(row.Locator(".over-quota")).ToHaveTextAsync("Vượt hạn mức 2 giấy: chưa cấp thêm được");
            await Expect(row.Locator(".quota")).ToHaveTextAsync("2 / 0");
            await approver.CheckAccessibilityAsync();

            // The policies screen shows the ward's level beside the ward chosen.
            await approver.GotoAsync("/policies");
            await approver.Page.Locator("#ward").SelectOptionAsync(ward);
            await Expect(approver.Page.Locator("#ward-level .level")).ToHaveTextAsync("Cấp 4 – Rất cao");
            await Expect(approver.Page.Locator("#ward-level .lockdown")).ToHaveTextAsync("Phong tỏa");
        }
        finally
        {
            await LevelAsync(1, lockdown: false); // while the city has ratios per level, so that the quota follows
            await CityRatiosAsync(new Dictionary<string, int>());
        }

        // Lifted, and the quota at the city's 100% of level 1: the home says neither.
        await EnterpriseWhenAsync(api, enterpriseId, e => e.GetProperty("quota").GetInt32() == 10);
        await using var after = await web.OpenAsync();
        await after.SignInAsync(clerk);
        await Expect(after.Page.Locator("#enterprise-ward .level")).ToHaveTextAsync("Cấp 1 – Thấp");
        await Expect(after.Page.Locator("#enterprise-ward .lockdown")).ToHaveCountAsync(0);
        await Expect(after.Page.Locator("#lockdown-notice")).ToBeHiddenAsync();
        await Expect(after.Page.Locator("#over-quota")).ToBeHiddenAsync();
    }

    /// <summary>The enterprise once it is as expected (its quota follows a ward's decision within seconds), or as it is after 15 s.</summary>
    private static async Task<JsonElement> EnterpriseWhenAsync(HttpClient api, Guid id, Func<JsonElement, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await api.Get($"/api/v1/enterprises/{id}");
            var enterprise = await response.Expect(HttpStatusCode.OK);
            if (expected(enterprise) || DateTime.UtcNow > deadline)
            {
                return enterprise;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
