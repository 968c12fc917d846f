using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>
/// Every screen of every role of the demo city, and the public pages, on a 360x740 phone: nothing
/// wider than the screen (tables scroll inside their own box), no serious or critical axe violation,
/// no request to another origin, no CSP violation, no script error (<see cref="BrowserPage"/>). The
/// screens are the links of the menu the role is shown (<c>Navigation.For</c>), so a screen added to
/// the menu is checked without changing this test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScreensTests(WebHost web)
{
    private const int Width = 360;
    private const int Height = 740;

    public static TheoryData<string> Users =>
    [
        WebHost.Clerk, WebHost.WardOfficer, WebHost.AreaPolice, WebHost.Approver, WebHost.WardPolice, WebHost.Admin,
        "checkpoint@danang.demo",
    ];

    /// <summary>The screen as it is once its data came: no request in flight, the main content shown.</summary>
    private static async Task SettledAsync(BrowserPage browser)
    {
        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(browser.Page.Locator("main")).ToBeVisibleAsync();
    }

    private static async Task CheckScreenAsync(BrowserPage browser, string path)
    {
        await browser.GotoAsync(path);
        await SettledAsync(browser);
        var scrollWidth = await browser.Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var wide = scrollWidth <= Width ? "" : await browser.Page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')
            """);
        Assert.True(scrollWidth <= Width, $"{path} scrolls sideways on a {Width}px phone ({scrollWidth}px): {wide}");
        await browser.CheckAccessibilityAsync();
        browser.AssertClean(); // this screen's CSP reports, requests and script errors, before the next one
    }

    private static readonly string[] ThirdPartyDashboards = ["/admin/hangfire"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Each_screen_of_the_role_s_menu_fits_a_360px_phone_passes_axe_and_loads_nothing_from_elsewhere(string email)
    {
        await using var browser = await web.OpenAsync(Width, Height);
        await browser.SignInAsync(email);
        await browser.Page.WaitForURLAsync(url => !url.EndsWith('/'));
        var menu = browser.Page.Locator("header nav a");
        await Expect(menu.First).ToBeAttachedAsync();
        var screens = await menu.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(screens);
        // The Hangfire dashboard is the library's own page, under its own CSP (AdminTests).
        foreach (var screen in screens.Where(s => !ThirdPartyDashboards.Contains(s)))
        {
            await CheckScreenAsync(browser, screen);
        }
    }

    [Fact]
    public async Task The_public_pages_fit_a_360px_phone_pass_axe_and_load_nothing_from_elsewhere()
    {
        var permit = (await ApiSteps.IssueAsync(web, WebHost.Clerk, [TestSupport.Workbooks.Person(8, $"Mai Văn Màn {ApiSteps.Tag()}")]))[0];
        await using var browser = await web.OpenAsync(Width, Height);
        await CheckScreenAsync(browser, "/");
        await CheckScreenAsync(browser, "/set-password?email=someone%40example.vn&token=ABC");
        await CheckScreenAsync(browser, $"/v/{permit.Token}");
        await CheckScreenAsync(browser, "/v/KHONGPHAIMA");

        // The same in English, the language chosen on the sign-in page.
        await CheckScreenAsync(browser, "/");
        await browser.Page.Locator("header form button[type=submit]").ClickAsync();
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await CheckScreenAsync(browser, "/");
        await CheckScreenAsync(browser, $"/v/{permit.Token}");
    }
}
