using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>An enterprise registers itself from the sign-in page, and waits for the ward's or the city's approval.</summary>
[Collection(WebCollection.Name)]
public sealed class RegisterTests(WebHost web)
{
    [Fact]
    public async Task A_visitor_registers_an_enterprise_that_an_approver_then_sees_pending()
    {
        var tag = ApiSteps.Tag();
        var name = $"Công ty TNHH Tự Đăng Ký {tag}";
        await using (var visitor = await web.OpenAsync(width: 360, height: 740))
        {
            await visitor.GotoAsync("/");
            await visitor.Page.Locator("#register-link").ClickAsync();
            await Expect(visitor.Page.Locator("h1")).ToHaveTextAsync("Đăng ký doanh nghiệp");
            await visitor.Page.Locator("#r-city").SelectOptionAsync("48");
            await Expect(visitor.Page.Locator($"#r-ward option[value='{WebHost.DemoWard}']")).ToHaveCountAsync(1);
            await visitor.CheckFitsWidthAsync();
            await visitor.CheckAccessibilityAsync();

            // Nothing filled: every field's error at once, the workforce's among them.
            await visitor.Page.Locator("#register button[type=submit]").ClickAsync();
            foreach (var field in new[] { "name", "taxCode", "wardCode", "address", "contactEmail", "contactPhone", "workforce" })
            {
                await Expect(visitor.Page.Locator($"#e-{field}")).ToBeVisibleAsync();
            }
            await Expect(visitor.Page.Locator("#r-name")).ToBeFocusedAsync();
            await visitor.CheckFitsWidthAsync();

            await visitor.Page.Locator("#r-name").FillAsync(name);
            await visitor.Page.Locator("#r-taxCode").FillAsync(TestData.TaxCode());
            await visitor.Page.Locator("#r-address").FillAsync("15 Lê Lợi, Hải Châu");
            await visitor.Page.Locator("#r-email").FillAsync("not an email");
            await visitor.Page.Locator("#r-phone").FillAsync("0905 222 333");
            await visitor.Page.Locator("#r-workforce").FillAsync("60");
            await visitor.Page.Locator("#register button[type=submit]").ClickAsync();
            // Every field error at once, each beside its field: the ward not chosen, the email malformed.
            await Expect(visitor.Page.Locator("#e-wardCode")).ToBeVisibleAsync();
            await Expect(visitor.Page.Locator("#e-contactEmail")).ToBeVisibleAsync();
            await Expect(visitor.Page.Locator("#r-email")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(visitor.Page.Locator("#e-name")).ToBeHiddenAsync();
            await Expect(visitor.Page.Locator("#e-workforce")).ToBeHiddenAsync();
            await Expect(visitor.Page.Locator("#failed")).ToBeVisibleAsync();
            await visitor.CheckAccessibilityAsync();

            await visitor.Page.Locator("#r-ward").SelectOptionAsync(WebHost.DemoWard);
            await visitor.Page.Locator("#r-email").FillAsync($"hr.{tag.ToLowerInvariant()}@example.vn");
            await visitor.Page.Locator("#register button[type=submit]").ClickAsync();
            await Expect(visitor.Page.Locator("#done")).ToBeVisibleAsync();
            await Expect(visitor.Page.Locator("#done-title")).ToHaveTextAsync("Đã gửi đăng ký, đang chờ duyệt");
            await Expect(visitor.Page.Locator("#done-text")).ToContainTextAsync(name);
            await Expect(visitor.Page.Locator("#register")).ToBeHiddenAsync();
            await Expect(visitor.Page.Locator("#e-contactEmail")).ToBeHiddenAsync();
            await visitor.CheckFitsWidthAsync();
            await visitor.CheckAccessibilityAsync();
        }

        await using var approver = await web.OpenAsync();
        await approver.SignInAsync(WebHost.Approver);
        await approver.GotoAsync("/enterprises");
        await approver.Page.Locator("#q").FillAsync(tag);
        await approver.Page.Locator("#search button[type=submit]").ClickAsync();
        var row = approver.Page.Locator("#enterprises tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("Chờ duyệt");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Kích hoạt {name}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_wards_of_a_city_chosen_before_never_replace_those_of_the_city_chosen_after()
    {
        await using var visitor = await web.OpenAsync(width: 360, height: 740);
        var page = visitor.Page;
        // A second city, answered by the test; Da Nang's wards held back until the visitor has chosen it.
        await page.RouteAsync("**/api/v1/cities", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """[{"code":"48","name":"Thành phố Đà Nẵng"},{"code":"99","name":"Tỉnh Thử Nghiệm"}]""",
        }));
        var daNang = new TaskCompletionSource();
        await page.RouteAsync(new Regex(@"/api/v1/wards\?cityCode=48$"), async route =>
        {
            await daNang.Task;
            await route.ContinueAsync();
        });
        await page.RouteAsync(new Regex(@"/api/v1/wards\?cityCode=99$"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """[{"code":"99001","name":"Xã Thử","districtName":"Huyện Thử"}]""",
        }));
        await visitor.GotoAsync("/register");
        var ward = page.Locator("#r-ward");
        await page.Locator("#r-city").SelectOptionAsync("48");
        await Expect(ward).ToHaveAttributeAsync("aria-busy", "true");
        await page.Locator("#r-city").SelectOptionAsync("99");
        await Expect(ward).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(ward.Locator("option[value='99001']")).ToHaveCountAsync(1);

        // Da Nang's wards come now, late: the page has read them (two turns of its event loop after
        // the answer) and still offers only the wards of the city chosen.
        await page.RunAndWaitForResponseAsync(() => { daNang.SetResult(); return Task.CompletedTask; },
            response => response.Url.EndsWith("/api/v1/wards?cityCode=48", StringComparison.Ordinal));
        await page.EvaluateAsync("() => new Promise(r => setTimeout(() => setTimeout(r, 0), 0))");
        await Expect(ward.Locator($"option[value='{WebHost.DemoWard}']")).ToHaveCountAsync(0);
        await Expect(ward.Locator("option[value='99001']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#r-city")).ToHaveValueAsync("99");
    }

    [Fact]
    public async Task The_registration_page_is_in_english_by_the_language_cookie()
    {
        await using var visitor = await web.OpenAsync();
        await visitor.GotoAsync("/register");
        await visitor.Page.Locator("header form button[type=submit]").ClickAsync();
        await Expect(visitor.Page.Locator("h1")).ToHaveTextAsync("Register an enterprise");
        await Expect(visitor.Page.Locator("label[for=r-city]")).ToHaveTextAsync("City or province");
        await visitor.CheckAccessibilityAsync();
    }
}
