using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>The checkpoint's scanner: a permit's code typed, pasted or scanned, and the answer in large type.</summary>
[Collection(WebCollection.Name)]
public sealed class CheckpointTests(WebHost web)
{
    private const string Checkpoint = "checkpoint@danang.demo";

    private static ILocator Fact(IPage page, string key) => page.Locator($"#facts dd[data-fact='{key}']");

    private static async Task CheckAsync(IPage page, string code)
    {
        await page.Locator("#token").FillAsync(code);
        await page.Locator("#check button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task A_checkpoint_pastes_a_valid_permit_s_token_then_a_revoked_one_s_link_and_sees_each_state_with_its_holder()
    {
        var tag = ApiSteps.Tag();
        var permits = await ApiSteps.IssueAsync(web, WebHost.Clerk,
            [Workbooks.Person(0, $"Đặng Văn Chốt {tag}"), Workbooks.Person(1, $"Vũ Thị Kiểm {tag}")]);
        var (valid, revoked) = (permits[0], permits[1]);
        await ApiSteps.RevokeAsync(web, WebHost.Clerk, revoked.Id);

        await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
        await checkpoint.SignInAsync(Checkpoint);
        await Expect(checkpoint.Page.Locator("h1")).ToHaveTextAsync("Kiểm tra giấy đi đường");
        await Expect(checkpoint.Page.Locator("#token")).ToBeFocusedAsync();
        await Expect(checkpoint.Page.Locator("#scan-start")).ToBeVisibleAsync(); // without BarcodeDetector too: jsQR reads the camera (ScannerCameraTests)
        await checkpoint.CheckAccessibilityAsync();

        await CheckAsync(checkpoint.Page, valid.Token);
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveClassAsync("verdict v-valid");
        await Expect(Fact(checkpoint.Page, "holder")).ToHaveTextAsync(valid.Person.FullName);
        await Expect(Fact(checkpoint.Page, "idNumber")).ToHaveTextAsync(valid.Person.IdNumber); // in full, for a checkpoint
        await Expect(Fact(checkpoint.Page, "birth")).ToHaveTextAsync(valid.Person.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(Fact(checkpoint.Page, "enterprise")).ToHaveTextAsync("Công ty Cổ phần Thép Đà Nẵng");
        await Expect(Fact(checkpoint.Page, "ward")).ToHaveTextAsync("Phường Thanh Bình");
        await Expect(Fact(checkpoint.Page, "validity")).ToContainTextAsync(" – ");
        await Expect(checkpoint.Page.Locator("#token")).ToHaveValueAsync(""); // ready for the next one
        await checkpoint.CheckFitsWidthAsync();
        await checkpoint.CheckAccessibilityAsync();

        // The QR code's URL as the phone reads it: scheme, host and /V/ upper-cased.
        await CheckAsync(checkpoint.Page, $"{web.BaseAddress.GetLeftPart(UriPartial.Authority).ToUpperInvariant()}/V/{revoked.Token}");
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("ĐÃ THU HỒI");
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveClassAsync("verdict v-revoked");
        await Expect(Fact(checkpoint.Page, "holder")).ToHaveTextAsync(revoked.Person.FullName);

        await CheckAsync(checkpoint.Page, "KHONGPHAIMA");
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("GIẢ MẠO HOẶC HỎNG");
        await Expect(Fact(checkpoint.Page, "holder")).ToHaveCountAsync(0);

        var recent = checkpoint.Page.Locator("#recent li");
        await Expect(recent).ToHaveCountAsync(3);
        await Expect(recent.Nth(0)).ToContainTextAsync("GIẢ MẠO HOẶC HỎNG");
        await Expect(recent.Nth(1)).ToContainTextAsync($"ĐÃ THU HỒI {revoked.Person.FullName}");
        await Expect(recent.Nth(2)).ToContainTextAsync($"HỢP LỆ {valid.Person.FullName}");
        await checkpoint.CheckFitsWidthAsync();
        await checkpoint.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task Where_the_browser_detects_QR_codes_the_camera_checks_the_code_it_sees_once()
    {
        var permit = (await ApiSteps.IssueAsync(web, WebHost.Clerk, [Workbooks.Person(2, $"Trương Văn Camera {ApiSteps.Tag()}")]))[0];
        await using var checkpoint = await web.OpenAsync();
        // A browser with BarcodeDetector and a camera: a detector that sees window.seen, a camera that films a canvas.
        await checkpoint.Page.Context.AddInitScriptAsync("""
            window.BarcodeDetector = class {
              static async getSupportedFormats() { return ['qr_code']; }
              async detect() { return window.seen ? [{ format: 'qr_code', rawValue: window.seen }] : []; }
            };
            navigator.mediaDevices.getUserMedia = async () => {
              const canvas = document.createElement('canvas');
              canvas.getContext('2d').fillRect(0, 0, canvas.width, canvas.height);
              return canvas.captureStream(5);
            };
            """);
        await checkpoint.SignInAsync(Checkpoint);
        await checkpoint.Page.Locator("#scan-start").ClickAsync();
        await Expect(checkpoint.Page.Locator("#camera")).ToBeVisibleAsync();
        await Expect(checkpoint.Page.Locator("#scan-stop")).ToBeFocusedAsync();
        await checkpoint.Page.EvaluateAsync("url => { window.seen = url; }", $"{web.BaseAddress}V/{permit.Token}");
        await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(Fact(checkpoint.Page, "holder")).ToHaveTextAsync(permit.Person.FullName);
        // The code stays before the camera for a second (four frames read): it is checked once.
        await checkpoint.Page.WaitForTimeoutAsync(1_000);
        await Expect(checkpoint.Page.Locator("#recent li")).ToHaveCountAsync(1);
        await checkpoint.CheckAccessibilityAsync();
        await checkpoint.Page.Locator("#scan-stop").ClickAsync();
        await Expect(checkpoint.Page.Locator("#camera")).ToBeHiddenAsync();
        await Expect(checkpoint.Page.Locator("#scan-start")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A permit of a ward the approver locks down, scanned at a checkpoint: suspended, with the ward,
    /// the reason and since when; valid again once the lockdown is lifted. In a ward of its own.
    /// </summary>
    [Fact]
    public async Task A_suspended_permit_shows_the_locked_down_ward_its_reason_and_since_when()
    {
        const string ward = "20195"; // Phường Hòa Hiệp Nam: no other browser test uses it
        var tag = ApiSteps.Tag();
        var (enterpriseId, enterpriseName) = await ApiSteps.RegisterEnterpriseAsync(web, ward, 10, tag);
        var clerk = await ApiSteps.CreateClerkAsync(web, enterpriseId, tag);
        var permit = Assert.Single(await ApiSteps.IssueAsync(web, clerk, [Workbooks.Person(1, $"Nguyễn Văn Tạm Dừng {tag}")]));
        using var approver = await web.ApiAsync(WebHost.Approver);
        async Task SetLevelAsync(int level, bool lockdown, string reason)
        {
            using var set = await approver.PutJson($"/api/v1/wards/{ward}/level", new { level, lockdown, reason });
            await set.Expect(HttpStatusCode.OK);
        }
        await SetLevelAsync(4, true, "Ca F0 trong cộng đồng");
        try
        {
            await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
            await checkpoint.SignInAsync(Checkpoint);
            await CheckAsync(checkpoint.Page, permit.Token);
            await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("TẠM DỪNG – PHONG TỎA");
            await Expect(checkpoint.Page.Locator("#verdict")).ToHaveClassAsync("verdict v-suspended");
            await Expect(checkpoint.Page.Locator("#suspension")).ToContainTextAsync("Phường Hòa Hiệp Nam bị phong tỏa từ ");
            await Expect(checkpoint.Page.Locator("#suspension")).ToContainTextAsync("Lý do: Ca F0 trong cộng đồng");
            await Expect(Fact(checkpoint.Page, "holder")).ToHaveTextAsync(permit.Person.FullName);
            await Expect(Fact(checkpoint.Page, "enterprise")).ToHaveTextAsync(enterpriseName);
            await checkpoint.CheckFitsWidthAsync();
            await checkpoint.CheckAccessibilityAsync();

            await SetLevelAsync(3, false, "Dỡ phong tỏa");
            await CheckAsync(checkpoint.Page, permit.Token);
            await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
            await Expect(checkpoint.Page.Locator("#suspension")).ToBeHiddenAsync();
        }
        finally
        {
            await SetLevelAsync(1, false, "Trả lại cấp độ ban đầu sau phép thử");
        }
    }

    /// <summary>
    /// A hand scanner types a code and Enter as soon as the page shows, before its script has come:
    /// the browser does not send the form itself (which would reload the page and lose the code),
    /// and the code is checked once the script runs.
    /// </summary>
    [Fact]
    public async Task A_code_scanned_before_the_page_s_script_came_is_checked_once_it_runs()
    {
        var permit = Assert.Single(await ApiSteps.IssueAsync(web, WebHost.Clerk, [Workbooks.Person(2, $"Lý Văn Sớm {ApiSteps.Tag()}")]));
        await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
        var page = checkpoint.Page;
        var script = new TaskCompletionSource();
        await page.RouteAsync("**/assets/js/checkpoint.js", async route =>
        {
            await script.Task;
            await route.ContinueAsync();
        });
        await checkpoint.SubmitSignInAsync(Checkpoint, WebHost.Password);
        await page.WaitForFunctionAsync("() => location.pathname === '/checkpoint' && document.readyState !== 'loading'");
        await page.Locator("#token").FillAsync(permit.Token);
        await Expect(page.Locator("#check button[type=submit]")).ToBeDisabledAsync();
        await page.Locator("#token").PressAsync("Enter");
        script.SetResult();
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(Fact(page, "holder")).ToHaveTextAsync(permit.Person.FullName);
        await Expect(page.Locator("#token")).ToHaveValueAsync("");
        Assert.EndsWith("/checkpoint", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#check button[type=submit]")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task The_scanner_installs_under_the_name_of_the_language_it_is_shown_in()
    {
        await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
        var page = checkpoint.Page;
        await checkpoint.SignInAsync(Checkpoint);
        await Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/assets/checkpoint.webmanifest");
        var vietnamese = await page.APIRequest.GetAsync("/assets/checkpoint.webmanifest");
        Assert.Equal("Kiểm tra giấy đi đường", (await vietnamese.JsonAsync())?.GetProperty("name").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/assets/checkpoint.en.webmanifest");
        var english = await (await page.APIRequest.GetAsync("/assets/checkpoint.en.webmanifest")).JsonAsync();
        Assert.Equal("Travel permit check", english?.GetProperty("name").GetString());
        Assert.Equal("en", english?.GetProperty("lang").GetString());
        Assert.Equal("/checkpoint", english?.GetProperty("start_url").GetString());
    }
}
