using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>The chain as its people run it in the browser: the clerk's list, the ward's decision, the permits.</summary>
[Collection(WebCollection.Name)]
public sealed class WorkflowTests(WebHost web)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<byte[]> TemplateAsync()
    {
        using var clerk = await web.ApiAsync(WebHost.Clerk);
        return await clerk.GetByteArrayAsync("/api/v1/requests/template.xlsx", TestContext.Current.CancellationToken);
    }

    private static async Task UploadAsync(IPage page, byte[] file, string kind = "addition")
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "danh-sach.xlsx", MimeType = Xlsx, Buffer = file });
        await page.Locator($"input[name=kind][value={kind}]").CheckAsync();
        await page.Locator("#upload button[type=submit]").ClickAsync();
    }

    private async Task<JsonElement> NewestRequestAsync()
    {
        using var clerk = await web.ApiAsync(WebHost.Clerk);
        using var response = await clerk.GetAsync("/api/v1/requests?limit=500", TestContext.Current.CancellationToken);
        return (await response.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Last();
    }

    private async Task<int> QuotaAsync()
    {
        using var clerk = await web.ApiAsync(WebHost.Clerk);
        var me = await (await clerk.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK);
        var enterprise = await (await clerk.GetAsync($"/api/v1/enterprises/{me.GetProperty("enterpriseId").GetGuid()}", TestContext.Current.CancellationToken)).Expect(HttpStatusCode.OK);
        return enterprise.GetProperty("quota").GetInt32();
    }

    /// <summary>A word of letters only (a name may hold no digit) that makes this test's people its own.</summary>
    private static string Tag() => "Q" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [Fact]
    public async Task A_clerk_sees_every_row_error_fixes_the_list_an_officer_approves_part_of_it_raising_the_quota_and_the_clerk_issues_prints_and_revokes()
    {
        var tag = Tag();
        string Name(int i) => $"Phạm Thị Web {tag} {(char)('A' + i)}";
        var template = await TemplateAsync();
        var good = Enumerable.Range(0, 3).Select(i => Workbooks.Person(i, Name(i))).ToList();
        var bad = new List<PersonRow> { good[0], good[1] with { IdNumber = "12345" }, good[2] with { FullName = "" } };

        // The clerk: the wrong file, every row error at once, then the corrected one.
        await using var clerk = await web.OpenAsync();
        await clerk.SignInAsync(WebHost.Clerk);
        await Expect(clerk.Page.Locator("#quota")).Not.ToHaveTextAsync("–");
        await clerk.CheckAccessibilityAsync();
        await clerk.GotoAsync("/enterprise/requests");
        await UploadAsync(clerk.Page, Workbooks.Fill(template, bad));
        await Expect(clerk.Page.Locator("#upload-error")).ToContainTextAsync("không có gì được lưu");
        var errors = clerk.Page.Locator("#row-error-table tbody tr");
        await Expect(errors.First).ToBeVisibleAsync();
        // Every error of the file at once: the bad ID of row 3 and the missing name of row 4, none of row 2.
        var rows = (await errors.Locator("td:first-child").AllTextContentsAsync()).Distinct().ToList();
        Assert.Equal(["3", "4"], rows);
        await Expect(clerk.Page.Locator("#upload-error")).ToContainTextAsync($"{await errors.CountAsync()} lỗi");
        await clerk.CheckAccessibilityAsync();
        await UploadAsync(clerk.Page, Workbooks.Fill(template, good));
        await Expect(clerk.Page.Locator("#upload-done")).ToContainTextAsync("3 người");
        await Expect(clerk.Page.Locator("#requests tbody tr").First).ToContainTextAsync("Đã gửi");
        var request = await NewestRequestAsync();
        var quota = await QuotaAsync();

        // The ward officer: two of the three, and a quota raised in the same step.
        await using (var officer = await web.OpenAsync())
        {
            await officer.SignInAsync(WebHost.WardOfficer);
            await Expect(officer.Page.Locator($"a[href='/inbox/{request.GetProperty("id").GetString()}']")).ToBeVisibleAsync();
            await officer.CheckAccessibilityAsync();
            await officer.Page.Locator($"a[href='/inbox/{request.GetProperty("id").GetString()}']").ClickAsync();
            await Expect(officer.Page.Locator("#entries tbody tr")).ToHaveCountAsync(3);
            await officer.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Chọn {Name(2)}" }).UncheckAsync();
            await officer.Page.Locator("#raise").FillAsync((quota + 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await officer.CheckAccessibilityAsync();
            await officer.Page.Locator("#approve").ClickAsync();
            await Expect(officer.Page.Locator("#done")).ToContainTextAsync("Đã duyệt");
            await Expect(officer.Page.Locator("#summary")).ToContainTextAsync("Duyệt một phần");
        }
        Assert.Equal(quota + 5, await QuotaAsync());

        // The clerk again: issue to the two approved, print them, revoke one.
        await clerk.GotoAsync("/enterprise/permits");
        await clerk.Page.Locator("#people-q").FillAsync(tag);
        await clerk.Page.Locator("#people-search button").ClickAsync();
        await Expect(clerk.Page.Locator("#people tbody tr")).ToHaveCountAsync(2);
        await clerk.Page.Locator("#people-all").CheckAsync();
        await clerk.Page.Locator("#issue").ClickAsync();
        await Expect(clerk.Page.Locator("#done")).ToContainTextAsync("Đã cấp 2 giấy");
        await Expect(clerk.Page.Locator("#people tbody tr")).ToHaveCountAsync(1); // "nothing here" row
        await clerk.Page.Locator("#permit-q").FillAsync(tag);
        await clerk.Page.Locator("#permit-search button").ClickAsync();
        await Expect(clerk.Page.Locator("#permits tbody tr")).ToHaveCountAsync(2);
        await clerk.Page.Locator("#permits-all").CheckAsync();
        var printed = await clerk.Page.RunAndWaitForResponseAsync(
            () => clerk.Page.Locator("#print").ClickAsync(), response => response.Url.EndsWith("/api/v1/permits/print", StringComparison.Ordinal));
        Assert.Equal("application/pdf", await printed.HeaderValueAsync("content-type"));
        Assert.Equal(200, printed.Status);
        await Expect(clerk.Page.Locator("#pdf-link")).ToBeVisibleAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = $"Xem QR của {Name(0)}" }).ClickAsync();
        await clerk.Page.WaitForFunctionAsync("() => document.querySelector('#qr-image').naturalWidth > 0");
        await clerk.CheckAccessibilityAsync();
        await clerk.Page.Locator("#qr-close").ClickAsync();
        await clerk.Page.Locator("#permits-all").UncheckAsync();
        await clerk.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Chọn {Name(1)}" }).CheckAsync();
        await clerk.Page.Locator("#revoke").ClickAsync();
        await clerk.Page.Locator("#revoke-reason").FillAsync("Nghỉ việc");
        await clerk.Page.Locator("#revoke-form button[type=submit]").ClickAsync();
        await Expect(clerk.Page.Locator("#done")).ToContainTextAsync("Đã thu hồi 1 giấy");
        await Expect(clerk.Page.Locator("#permits tbody")).ToContainTextAsync("Đã thu hồi");
        await clerk.CheckAccessibilityAsync();
    }

    [Fact]
    public async Task Hanoi_s_chain_the_area_police_verify_the_ward_approves_the_ward_police_stamp()
    {
        using var approverApi = await web.ApiAsync(WebHost.Approver);
        async Task ChainAsync(bool on)
        {
            using var policy = await approverApi.PutAsync($"/api/v1/wards/{WebHost.DemoWard}/policy", System.Net.Http.Json.JsonContent.Create(
                new { defaultRatioPercent = (int?)null, chain = new { policeVerify = on, policeStamp = on } }), TestContext.Current.CancellationToken);
            await policy.Expect(HttpStatusCode.OK);
        }
        await ChainAsync(true);
        try
        {
            var tag = Tag();
            var person = Workbooks.Person(1, $"Lê Văn Hà Nội {tag}");
            await using var clerk = await web.OpenAsync();
            await clerk.SignInAsync(WebHost.Clerk);
            await clerk.GotoAsync("/enterprise/requests");
            await UploadAsync(clerk.Page, Workbooks.Fill(await TemplateAsync(), [person]));
            await Expect(clerk.Page.Locator("#upload-done")).ToBeVisibleAsync(new() { Timeout = 5_000 })
                .ContinueWith(async t => { if (t.IsFaulted) Assert.Fail(await clerk.Page.Locator("main").InnerTextAsync()); }).Unwrap();
            var id = (await NewestRequestAsync()).GetProperty("id").GetString();

            await using (var police = await web.OpenAsync())
            {
                await police.SignInAsync(WebHost.AreaPolice);
                await police.GotoAsync($"/inbox/{id}");
                await police.Page.Locator("#verify").ClickAsync();
                await Expect(police.Page.Locator("#summary")).ToContainTextAsync("Đã xác minh");
            }
            await using (var officer = await web.OpenAsync(width: 360, height: 740))
            {
                await officer.SignInAsync(WebHost.WardOfficer);
                await officer.GotoAsync($"/inbox/{id}");
                await officer.Page.Locator("#approve").ClickAsync();
                await Expect(officer.Page.Locator("#summary")).ToContainTextAsync("Đã duyệt");
                await officer.CheckFitsWidthAsync();
            }
            await clerk.GotoAsync("/enterprise/permits");
            await clerk.Page.Locator("#people-q").FillAsync(tag);
            await clerk.Page.Locator("#people-search button").ClickAsync();
            await clerk.Page.Locator("#people-all").CheckAsync();
            await clerk.Page.Locator("#issue").ClickAsync();
            await Expect(clerk.Page.Locator("#done")).ToContainTextAsync("Đã cấp 1 giấy");
            await Expect(clerk.Page.Locator("#permits tbody")).ToContainTextAsync("Chờ đóng dấu");

            await using var stamper = await web.OpenAsync(width: 360, height: 740);
            await stamper.SignInAsync(WebHost.WardPolice);
            await stamper.CheckFitsWidthAsync();
            await stamper.CheckAccessibilityAsync();
            await stamper.Page.GetByRole(AriaRole.Button, new() { Name = $"Đóng dấu giấy của {person.FullName}" }).ClickAsync();
            await Expect(stamper.Page.Locator("#done")).ToContainTextAsync("Đã đóng dấu 1 giấy");
            await Expect(stamper.Page.Locator("#stamps tbody")).Not.ToContainTextAsync(person.FullName);
        }
        finally
        {
            await ChainAsync(false);
        }
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_then_signs_in()
    {
        var email = $"officer-{Guid.NewGuid():N}"[..16] + "@danang.demo";
        await using (var admin = await web.OpenAsync(width: 360, height: 740))
        {
            await admin.SignInAsync(WebHost.Admin);
            await Expect(admin.Page.Locator("#users tbody")).ToContainTextAsync(WebHost.Clerk);
            await admin.CheckFitsWidthAsync();
            await admin.CheckAccessibilityAsync();
            await admin.Page.Locator("#email").FillAsync(email);
            await admin.Page.Locator("#fullName").FillAsync("Nguyễn Thị Cán Bộ");
            await admin.Page.Locator("#role").SelectOptionAsync("ward-officer");
            await admin.Page.Locator("#password").FillAsync("short");
            await admin.Page.Locator("#create button[type=submit]").ClickAsync();
            await Expect(admin.Page.Locator("#failed")).ToBeVisibleAsync(); // the password policy and the missing ward, at once
            await admin.Page.Locator("#wardCode").FillAsync(WebHost.DemoWard);
            await admin.Page.Locator("#password").FillAsync(WebHost.Password);
            await admin.Page.Locator("#create button[type=submit]").ClickAsync();
            await Expect(admin.Page.Locator("#done")).ToContainTextAsync(email);
            await Expect(admin.Page.Locator("#users tbody")).ToContainTextAsync("Nguyễn Thị Cán Bộ");
        }
        await using var user = await web.OpenAsync();
        await user.SignInAsync(email);
        await Expect(user.Page).ToHaveURLAsync(new Uri(web.BaseAddress, "/inbox").ToString());
        await Expect(user.Page.Locator("h1")).ToHaveTextAsync("Yêu cầu chờ xử lý");
    }
}
