using System.Net;
using System.Text.RegularExpressions;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

[Collection(WebCollection.Name)]
public sealed partial class SetPasswordTests(WebHost web)
{
    [Fact]
    public async Task The_invitation_email_links_to_the_page_that_sets_the_password_and_the_clerk_then_signs_in()
    {
        var contact = $"hr-{Guid.NewGuid():N}"[..12] + "@danang.demo";
        using (var officer = await web.ApiAsync(WebHost.WardOfficer))
        {
            using var registered = await officer.PostJson("/api/v1/enterprises", new
            {
                name = "Công ty TNHH Dệt May Thử", taxCode = TestData.TaxCode(), wardCode = WebHost.DemoWard, address = "5 Lê Duẩn",
                contactEmail = contact, contactPhone = "0905123456", workforce = 40,
            });
            await registered.Expect(HttpStatusCode.Created);
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Eml? invitation = null;
        while (invitation is null && DateTime.UtcNow < deadline)
        {
            invitation = Eml.ReadAll(web.MailDirectory).FirstOrDefault(m => m.To == contact && m.Subject.StartsWith("Tài khoản", StringComparison.Ordinal));
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(invitation);
        var link = new Uri(Link().Match(invitation.Body).Value);
        Assert.Equal(web.BaseAddress.Authority, link.Authority);

        await using var browser = await web.OpenAsync(width: 360, height: 740);
        await browser.GotoAsync(link.PathAndQuery);
        await Expect(browser.Page.Locator("#email")).ToHaveValueAsync(contact);
        await browser.CheckFitsWidthAsync();
        await browser.CheckAccessibilityAsync();
        await browser.Page.Locator("#password").FillAsync("DetMay@2021x");
        await browser.Page.Locator("#confirm").FillAsync("DetMay@2021y");
        await browser.Page.Locator("#set-password button[type=submit]").ClickAsync();
        await Expect(browser.Page.Locator("#form-error")).ToHaveTextAsync("Hai mật khẩu không giống nhau.");
        await browser.Page.Locator("#confirm").FillAsync("DetMay@2021x");
        await browser.Page.Locator("#set-password button[type=submit]").ClickAsync();
        await Expect(browser.Page.Locator("#done")).ToBeVisibleAsync();

        await browser.SignInAsync(contact, "DetMay@2021x");
        await Expect(browser.Page).ToHaveURLAsync(new Uri(web.BaseAddress, "/enterprise").ToString());
        await Expect(browser.Page.Locator("#enterprise-name")).ToHaveTextAsync("Công ty TNHH Dệt May Thử");
    }

    [GeneratedRegex(@"https?://\S+/set-password\?\S+")]
    private static partial Regex Link();
}
