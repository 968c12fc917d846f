using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>
/// The page a phone opens from a permit's QR code, <c>/v/{token}</c>, as a passer-by reads it on a
/// 360 px screen: in the interface's look, Vietnamese first, the answer in very large type with a
/// shape besides its colour, then the holder with the ID masked; axe and the CSP on each state.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class VerifyPageTests(WebHost web)
{
    private const string LockdownWard = "20206"; // Phường Thanh Khê Tây: no other browser test uses it

    private static ILocator Fact(IPage page, string key) => page.Locator($".facts [data-fact='{key}'] dd");

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} – \d{2}/\d{2}/\d{4} \d{2}:\d{2}$")]
    private static partial Regex Validity();

    [GeneratedRegex(@"^Kiểm tra lúc \d{2}/\d{2}/\d{4} \d{2}:\d{2} \(giờ Việt Nam, UTC\+07:00\)$")]
    private static partial Regex CheckedAt();

    /// <summary>A phone that asks for Vietnamese (the page follows the browser's language, as the API does).</summary>
    private async Task<BrowserPage> PhoneAsync(string language = "vi-VN,vi;q=0.9")
    {
        var phone = await web.OpenAsync(width: 360, height: 740);
        // The profile's locale (en-US) sets the header of every request: the phone's language replaces it.
        await phone.Page.RouteAsync("**/*", route =>
        {
            var headers = new Dictionary<string, string>(route.Request.Headers) { ["accept-language"] = language };
            return route.ContinueAsync(new RouteContinueOptions { Headers = headers });
        });
        return phone;
    }

    private static async Task LooksRightAsync(BrowserPage phone)
    {
        // The word is the largest thing on the page and its shape is drawn beside it.
        var size = await phone.Page.Locator("#verdict").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 32, $"the result is {size}px high");
        await Expect(phone.Page.Locator("#result .mark")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("header .brand")).ToHaveTextAsync("Giấy đi đường");
        await Expect(phone.Page.Locator(".checked")).ToHaveTextAsync(CheckedAt());
        await phone.CheckFitsWidthAsync();
        await phone.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task A_phone_opens_a_valid_permit_s_QR_and_then_a_revoked_one_s_each_in_Vietnamese_with_its_holder_and_the_ID_masked()
    {
        var tag = ApiSteps.Tag();
        var permits = await ApiSteps.IssueAsync(web, WebHost.Clerk,
            [Workbooks.Person(6, $"Phan Văn Quét {tag}"), Workbooks.Person(5, $"Đỗ Thị Mã {tag}")]);
        var (valid, revoked) = (permits[0], permits[1]);
        await ApiSteps.RevokeAsync(web, WebHost.Clerk, revoked.Id);

        await using var phone = await PhoneAsync();
        await phone.GotoAsync($"/v/{valid.Token}");
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(phone.Page).ToHaveTitleAsync("HỢP LỆ · Giấy đi đường");
        await Expect(phone.Page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(phone.Page.Locator("#result")).ToHaveClassAsync("result good");
        await Expect(phone.Page.Locator("#result .mark")).ToHaveTextAsync("✓");
        await Expect(phone.Page.Locator("#result .meaning")).ToContainTextAsync("đang có hiệu lực");
        await Expect(Fact(phone.Page, "holder")).ToHaveTextAsync(valid.Person.FullName);
        var id = valid.Person.IdNumber;
        await Expect(Fact(phone.Page, "idNumber")).ToHaveTextAsync($"{id[..3]}******{id[9..]}"); // anyone may scan: masked
        await Expect(Fact(phone.Page, "enterprise")).ToHaveTextAsync("Công ty Cổ phần Thép Đà Nẵng");
        await Expect(Fact(phone.Page, "ward")).ToHaveTextAsync("Phường Thanh Bình");
        await Expect(Fact(phone.Page, "validity")).ToHaveTextAsync(Validity());
        await Expect(phone.Page.Locator("#suspension")).ToHaveCountAsync(0);
        await LooksRightAsync(phone);

        await phone.GotoAsync($"/v/{revoked.Token}");
        await Expect(phone.Page.Locator("#verdict")).ToHaveTextAsync("ĐÃ THU HỒI");
        await Expect(phone.Page.Locator("#result")).ToHaveClassAsync("result bad");
        await Expect(phone.Page.Locator("#result .mark")).ToHaveTextAsync("✕");
        await Expect(Fact(phone.Page, "holder")).ToHaveTextAsync(revoked.Person.FullName);
        await LooksRightAsync(phone);

        // A code the system never signed: the answer alone, no one's details.
        await phone.GotoAsync("/v/KHONGPHAIMA");
        await Expect(phone.Page.Locator("#verdict")).ToHaveTextAsync("GIẢ MẠO HOẶC HỎNG");
        await Expect(phone.Page.Locator(".facts")).ToHaveCountAsync(0);
        await LooksRightAsync(phone);
    }

    [Fact]
    public async Task A_permit_of_a_ward_in_lockdown_shows_suspended_with_the_ward_and_the_reason_and_a_browser_in_English_reads_it_in_English()
    {
        var tag = ApiSteps.Tag();
        var (enterpriseId, _) = await ApiSteps.RegisterEnterpriseAsync(web, LockdownWard, workforce: 10, tag);
        var clerk = await ApiSteps.CreateClerkAsync(web, enterpriseId, tag);
        var permit = (await ApiSteps.IssueAsync(web, clerk, [Workbooks.Person(7, $"Lê Thị Tỏa {tag}")]))[0];
        using var approver = await web.ApiAsync(WebHost.Approver);
        async Task LevelAsync(int level, bool lockdown)
        {
            using var response = await approver.PutJson($"/api/v1/wards/{LockdownWard}/level", new { level, lockdown, reason = $"Ổ dịch khu dân cư {tag}" });
            await response.Expect(HttpStatusCode.OK);
        }

        await LevelAsync(4, lockdown: true);
        try
        {
            await using (var phone = await PhoneAsync())
            {
                await phone.GotoAsync($"/v/{permit.Token}");
                await Expect(phone.Page.Locator("#verdict")).ToHaveTextAsync("TẠM DỪNG HIỆU LỰC");
                await Expect(phone.Page.Locator("#result")).ToHaveClassAsync("result held");
                await Expect(phone.Page.Locator("#result .mark")).ToHaveTextAsync("!");
                await Expect(phone.Page.Locator("#suspension")).ToContainTextAsync("Phong tỏa Phường Thanh Khê Tây từ ");
                await Expect(phone.Page.Locator("#suspension")).ToContainTextAsync($"Lý do: Ổ dịch khu dân cư {tag}");
                await Expect(Fact(phone.Page, "holder")).ToHaveTextAsync(permit.Person.FullName);
                await Expect(Fact(phone.Page, "ward")).ToHaveTextAsync("Phường Thanh Khê Tây");
                await LooksRightAsync(phone);
            }

            // The browser of a visitor who reads English.
            await using var visitor = await PhoneAsync("en-US,en;q=0.9");
            await visitor.GotoAsync($"/v/{permit.Token}");
            await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(visitor.Page.Locator("#verdict")).ToHaveTextAsync("SUSPENDED");
            await Expect(visitor.Page.Locator("#suspension")).ToContainTextAsync("Lockdown of Phường Thanh Khê Tây since ");
            await Expect(visitor.Page.Locator(".facts [data-fact='holder'] dt")).ToHaveTextAsync("Full name");
            await visitor.CheckFitsWidthAsync();
            await visitor.CheckAccessibilityAsync();
        }
        finally
        {
            await LevelAsync(1, lockdown: false);
        }
    }
}
