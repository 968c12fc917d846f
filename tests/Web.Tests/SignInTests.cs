using System.Net;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebHost web)
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_the_API_s_message_and_the_right_one_lands_on_the_role_s_home()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await browser.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập"); // Vietnamese, though the browser asks for English
        await browser.CheckAccessibilityAsync();

        await browser.SubmitSignInAsync(WebHost.Clerk, "Wrong@Passw0rd");
        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("Email hoặc mật khẩu không đúng.");
        await Expect(page.Locator("#email")).ToHaveValueAsync(WebHost.Clerk);
        await browser.CheckAccessibilityAsync();

        await page.Locator("#password").FillAsync(WebHost.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(web.BaseAddress, "/enterprise").ToString());
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "permits.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);

        // Signed out, a screen sends the browser back to the sign-in page, and returns after it.
        await page.Locator("button", new() { HasText = "Đăng xuất" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await page.GotoAsync("/enterprise/permits");
        Assert.EndsWith("/?returnUrl=%2Fenterprise%2Fpermits", page.Url, StringComparison.Ordinal);
        await page.Locator("#email").FillAsync(WebHost.Clerk);
        await page.Locator("#password").FillAsync(WebHost.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(web.BaseAddress, "/enterprise/permits").ToString());
    }

    [Theory]
    [InlineData(WebHost.WardOfficer, "/inbox")]
    [InlineData(WebHost.Approver, "/inbox")]
    [InlineData(WebHost.AreaPolice, "/inbox")]
    [InlineData(WebHost.WardPolice, "/stamps")]
    [InlineData(WebHost.Admin, "/admin/users")]
    [InlineData("checkpoint@danang.demo", "/checkpoint")]
    public async Task Each_role_lands_on_its_own_screen_and_may_not_open_another_s(string email, string home)
    {
        await using var browser = await web.OpenAsync();
        await browser.SignInAsync(email);
        await Expect(browser.Page).ToHaveURLAsync(new Uri(web.BaseAddress, home).ToString());
        var response = await browser.Page.GotoAsync("/enterprise/requests");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");
    }

    [Fact]
    public async Task English_is_chosen_on_the_page_and_kept_in_a_cookie()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await browser.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await browser.SubmitSignInAsync(WebHost.Clerk, "Wrong@Passw0rd");
        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("The email or password is wrong.");
        await browser.SignInAsync(WebHost.Clerk);
        await Expect(page.Locator("nav")).ToContainTextAsync("Permits");
        await page.ReloadAsync();
        await Expect(page.Locator("nav")).ToContainTextAsync("Permits");

        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển sang tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("nav")).ToContainTextAsync("Giấy đi đường");
        Assert.EndsWith("/enterprise", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_write_signed_in_by_the_cookie_needs_the_page_s_anti_forgery_token()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(WebHost.Clerk);
        await Expect(page).ToHaveURLAsync(new Uri(web.BaseAddress, "/enterprise").ToString());

        // The same call as the permits screen makes, once without the header and once with it.
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const body = JSON.stringify({ permitIds: ['00000000-0000-0000-0000-000000000001'], reason: 'thử' });
              const headers = { 'Content-Type': 'application/json' };
              const without = await fetch('/api/v1/permits/revoke', { method: 'POST', headers, body });
              const token = document.querySelector('meta[name="csrf-token"]').content;
              const withToken = await fetch('/api/v1/permits/revoke', { method: 'POST', headers: { ...headers, 'X-CSRF-TOKEN': token }, body });
              const me = await fetch('/api/v1/me');
              return [without.status, withToken.status, me.status];
            }
            """);
        Assert.Equal(400, statuses[0]);     // antiforgery_failed, nothing revoked
        Assert.NotEqual(400, statuses[1]);  // passes the check (the unknown permit is the API's own answer)
        Assert.Equal(200, statuses[2]);     // reads need no token

        // A bearer token is judged as before, with no anti-forgery token.
        using var api = await web.ApiAsync(WebHost.Clerk);
        using var me = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_fits_a_360px_phone_and_is_served_with_a_strict_CSP()
    {
        await using var browser = await web.OpenAsync(width: 360, height: 740);
        var response = await browser.Page.GotoAsync("/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        await browser.CheckFitsWidthAsync();
        await browser.CheckAccessibilityAsync();
    }
}
