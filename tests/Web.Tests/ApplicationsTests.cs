using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>Individual applications: the area police enter a citizen, the ward's chain decides, as a browser user does it.</summary>
[Collection(WebCollection.Name)]
public sealed class ApplicationsTests(WebHost web)
{
    private async Task ChainAsync(bool on)
    {
        using var approver = await web.ApiAsync(WebHost.Approver);
        using var policy = await approver.PutAsync($"/api/v1/wards/{WebHost.DemoWard}/policy", JsonContent.Create(
            new { defaultRatioPercent = (int?)null, chain = new { policeVerify = on, policeStamp = on } }), TestContext.Current.CancellationToken);
        await policy.Expect(HttpStatusCode.OK);
    }

    private static async Task FillAsync(IPage page, PersonRow person, string idNumber)
    {
        await page.Locator("#a-fullName").FillAsync(person.FullName);
        await page.Locator("#a-idNumber").FillAsync(idNumber);
        await page.Locator("#a-dateOfBirth").FillAsync(person.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Locator("#a-gender").SelectOptionAsync(person.Gender == "Nữ" ? "female" : "male");
        await page.Locator("#a-phone").FillAsync("0905 123 456");
        await page.Locator("#a-address").FillAsync("12 Bạch Đằng, Phường Thanh Bình");
        await page.Locator("#a-reason").FillAsync("Đi khám bệnh định kỳ");
        await page.Locator("#a-destination").FillAsync("Bệnh viện Đà Nẵng, 124 Hải Phòng");
    }

    [Fact]
    public async Task The_area_police_enter_an_application_correct_its_id_number_and_the_ward_approves_and_stamps_it()
    {
        // Hanoi's chain on the demo ward: verification (the area police's entry), approval, stamp.
        await ChainAsync(true);
        try
        {
            var person = Workbooks.Person(3, $"Phạm Thị Cá Nhân {ApiSteps.Tag()}");
            await using (var police = await web.OpenAsync(width: 360, height: 740))
            {
                await police.SignInAsync(WebHost.AreaPolice);
                await police.Page.Locator("nav a[href='/applications']").ClickAsync();
                await Expect(police.Page.Locator("h1")).ToHaveTextAsync("Hồ sơ cá nhân");
                // An empty form: every required field says so at once, the person's and the application's.
                await police.Page.Locator("#apply button[type=submit]").ClickAsync();
                foreach (var field in new[] { "fullName", "idNumber", "dateOfBirth", "address", "reason", "destination" })
                {
                    await Expect(police.Page.Locator($"#e-{field}")).ToBeVisibleAsync();
                    await Expect(police.Page.Locator($"#a-{field}")).ToHaveAttributeAsync("aria-invalid", "true");
                }
                await FillAsync(police.Page, person, "12345");
                await police.Page.Locator("#apply button[type=submit]").ClickAsync();
                var error = police.Page.Locator("#e-idNumber");
                await Expect(error).ToBeVisibleAsync();
                await Expect(error).Not.ToBeEmptyAsync();
                await Expect(police.Page.Locator("#a-idNumber")).ToHaveAttributeAsync("aria-invalid", "true");
                await Expect(police.Page.Locator("#e-fullName")).ToBeHiddenAsync();
                await police.CheckFitsWidthAsync();
                await police.CheckAccessibilityAsync();

                await police.Page.Locator("#a-idNumber").FillAsync(person.IdNumber);
                await police.Page.Locator("#apply button[type=submit]").ClickAsync();
                await Expect(police.Page.Locator("#done")).ToContainTextAsync(person.FullName);
                await Expect(error).ToBeHiddenAsync();
                await Expect(police.Page.Locator("#a-idNumber")).ToHaveValueAsync("");
                // Entered by the area police: verified, in the ward's list of that status.
                await police.Page.Locator("#status").SelectOptionAsync("verified");
                await police.Page.Locator("#filter button[type=submit]").ClickAsync();
                await Expect(police.Page.Locator("#by-status tbody tr", new() { HasText = person.FullName })).ToContainTextAsync("Đã xác minh");
                await police.CheckAccessibilityAsync();
            }

            await using (var officer = await web.OpenAsync())
            {
                await officer.SignInAsync(WebHost.WardOfficer);
                await officer.Page.Locator("nav a[href='/applications']").ClickAsync();
                var row = officer.Page.Locator("#awaiting tbody tr", new() { HasText = person.FullName });
                await Expect(row).ToContainTextAsync(person.IdNumber);
                await officer.CheckAccessibilityAsync();
                await officer.Page.GetByRole(AriaRole.Button, new() { Name = $"Duyệt hồ sơ của {person.FullName}" }).ClickAsync();
                await Expect(officer.Page.Locator("#done")).ToContainTextAsync($"Đã duyệt hồ sơ của {person.FullName}");
                await Expect(officer.Page.Locator("#awaiting tbody")).Not.ToContainTextAsync(person.FullName);
                await officer.Page.Locator("#status").SelectOptionAsync("approved");
                await officer.Page.Locator("#filter button[type=submit]").ClickAsync();
                await Expect(officer.Page.Locator("#by-status tbody tr", new() { HasText = person.FullName })).ToContainTextAsync("Đã duyệt");
            }

            await using var stamper = await web.OpenAsync(width: 360, height: 740);
            await stamper.SignInAsync(WebHost.WardPolice);
            await stamper.Page.GetByRole(AriaRole.Button, new() { Name = $"Đóng dấu giấy của {person.FullName}" }).ClickAsync();
            await Expect(stamper.Page.Locator("#done")).ToContainTextAsync("Đã đóng dấu 1 giấy");
        }
        finally
        {
            await ChainAsync(false);
        }
    }

    [Fact]
    public async Task The_ward_officer_rejects_an_application_with_a_reason_that_the_list_then_shows()
    {
        var person = Workbooks.Person(4, $"Đỗ Văn Từ Chối {ApiSteps.Tag()}");
        using (var police = await web.ApiAsync(WebHost.AreaPolice))
        {
            using var created = await police.PostJson("/api/v1/applications", new
            {
                fullName = person.FullName, idNumber = person.IdNumber,
                dateOfBirth = person.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), phone = person.Phone,
                address = person.Residence, wardCode = WebHost.DemoWard, reason = "Thăm người thân", destination = "Quận Sơn Trà",
            });
            await created.Expect(HttpStatusCode.Created);
        }
        await using var officer = await web.OpenAsync(width: 360, height: 740);
        await officer.SignInAsync(WebHost.WardOfficer);
        await officer.GotoAsync("/applications");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = $"Từ chối hồ sơ của {person.FullName}" }).ClickAsync();
        await Expect(officer.Page.Locator("#reject-dialog")).ToBeVisibleAsync();
        await officer.Page.Locator("#reject-form button[type=submit]").ClickAsync();
        await Expect(officer.Page.Locator("#reject-error")).ToHaveTextAsync("Nhập lý do từ chối.");
        await officer.Page.Locator("#reject-reason").FillAsync("Không có giấy xác nhận của bệnh viện");
        await officer.Page.Locator("#reject-form button[type=submit]").ClickAsync();
        await Expect(officer.Page.Locator("#done")).ToContainTextAsync($"Đã từ chối hồ sơ của {person.FullName}");
        await officer.Page.Locator("#status").SelectOptionAsync("rejected");
        await officer.Page.Locator("#filter button[type=submit]").ClickAsync();
        await Expect(officer.Page.Locator("#by-status tbody tr", new() { HasText = person.FullName }))
            .ToContainTextAsync("Không có giấy xác nhận của bệnh viện");
        await officer.CheckFitsWidthAsync();
        await officer.CheckAccessibilityAsync();
    }
}
