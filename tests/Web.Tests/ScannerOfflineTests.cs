using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>
/// The checkpoint's scanner without a network: it keeps the published keys and the revocation feed,
/// opens again from its service worker, and checks the token's signature and the list in the browser.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScannerOfflineTests(WebHost web)
{
    private const string Checkpoint = "checkpoint@danang.demo";

    private static async Task CheckAsync(IPage page, string code)
    {
        await page.Locator("#token").FillAsync(code);
        await page.Locator("#check button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task Offline_the_scanner_says_valid_for_a_good_permit_revoked_for_one_on_its_list_and_invalid_for_a_forged_one()
    {
        var tag = ApiSteps.Tag();
        var permits = await ApiSteps.IssueAsync(web, WebHost.Clerk, [
            Workbooks.Person(5, $"Phan Văn Ngoại {tag}"), Workbooks.Person(6, $"Đỗ Thị Tuyến {tag}"), Workbooks.Person(7, $"Hồ Văn Sau {tag}")]);
        var (good, revoked, later) = (permits[0], permits[1], permits[2]);
        await ApiSteps.RevokeAsync(web, WebHost.Clerk, revoked.Id);
        var forged = Forge(good.Token);

        await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
        var page = checkpoint.Page;
        await checkpoint.SignInAsync(Checkpoint);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kiểm tra giấy đi đường");
        await Expect(page.Locator("#kept")).ToHaveAttributeAsync("data-synced", new System.Text.RegularExpressions.Regex("^20"));
        await Expect(page.Locator("#kept")).ToContainTextAsync("Kiểm tra được khi mất mạng, theo danh sách lúc ");
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => r.active !== null)"));
        await Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/assets/checkpoint.webmanifest");

        // Online, as before: the server's answer, not the phone's.
        await CheckAsync(page, good.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#offline-note")).ToBeHiddenAsync();
        await Expect(page.Locator("#facts dd[data-fact='enterprise']")).ToHaveTextAsync("Công ty Cổ phần Thép Đà Nẵng");
        await Shots.TakeAsync(page, "scanner-online-valid");

        // The network cut: the page opens again from its service worker, with the list it kept.
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kiểm tra giấy đi đường");
        await Expect(page.Locator("#kept")).ToContainTextAsync("Đang ngoại tuyến: kiểm tra theo danh sách lúc ");

        await CheckAsync(page, good.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#verdict")).ToHaveClassAsync("verdict v-valid");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("NGOẠI TUYẾN: kiểm tra trên máy theo danh sách thu hồi và phong tỏa lúc ");
        await Expect(page.Locator("#facts dd[data-fact='holder']")).ToHaveTextAsync(good.Person.FullName); // the token's copy: short names whole
        await Expect(page.Locator("#facts dd[data-fact='idNumber']")).ToHaveTextAsync($"{good.Person.IdNumber[..3]}******{good.Person.IdNumber[^3..]}");
        await Expect(page.Locator("#facts dd[data-fact='enterprise']")).ToHaveCountAsync(0); // the server's facts are not in the token
        await Shots.TakeAsync(page, "scanner-offline-valid");
        await checkpoint.CheckFitsWidthAsync();
        await checkpoint.CheckAccessibilityAsync();

        await CheckAsync(page, revoked.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("ĐÃ THU HỒI");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("NGOẠI TUYẾN");
        await Expect(page.Locator("#facts dd[data-fact='holder']")).ToHaveTextAsync(revoked.Person.FullName);
        await Expect(page.Locator("#facts dd[data-fact='revokedAt']")).ToHaveCountAsync(1);
        await Shots.TakeAsync(page, "scanner-offline-revoked");
        await checkpoint.CheckAccessibilityAsync();

        await CheckAsync(page, forged);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("GIẢ MẠO HOẶC HỎNG");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("NGOẠI TUYẾN");
        await Expect(page.Locator("#facts dd[data-fact='holder']")).ToHaveCountAsync(0); // nothing of a forged token is shown
        await Shots.TakeAsync(page, "scanner-offline-forged");

        // A revocation after the list was kept is not known offline; back online, the page follows the feed from its cursor.
        await ApiSteps.RevokeAsync(web, WebHost.Clerk, later.Id);
        await CheckAsync(page, later.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        var synced = await page.Locator("#kept").GetAttributeAsync("data-synced");
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#kept")).Not.ToHaveAttributeAsync("data-synced", synced!);
        await page.Context.SetOfflineAsync(true);
        await CheckAsync(page, later.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("ĐÃ THU HỒI");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("NGOẠI TUYẾN");

        await Expect(page.Locator("#recent li")).ToHaveCountAsync(5); // the reload began a new list
        await Expect(page.Locator("#recent li").Nth(0)).ToContainTextAsync("ngoại tuyến");

        // With the city's periods kept, a good permit is valid offline through the period in force, and
        // when none is in force the page says the permit may have expired.
        await KeepPeriodAsync(page, "Đợt thử ngoại tuyến", TimeSpan.FromDays(-1), TimeSpan.FromDays(5));
        await CheckAsync(page, good.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("Giấy còn hiệu lực đến hết đợt \"Đợt thử ngoại tuyến\"");
        await Expect(page.Locator("#facts dt", new() { HasText = "Hiệu lực theo đợt" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#facts dd[data-fact='validity']")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} – \d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await KeepPeriodAsync(page, "Đợt đã qua", TimeSpan.FromDays(-10), TimeSpan.FromDays(-3));
        await CheckAsync(page, good.Token);
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#offline-note")).ToContainTextAsync("không có đợt cấp giấy nào đang hiệu lực: giấy có thể đã hết hạn");
        await Expect(page.Locator("#facts dd[data-fact='validity']")).ToHaveCountAsync(0);
    }

    /// <summary>Offline, replaces the periods the page keeps with one from <paramref name="from"/> to <paramref name="to"/> (from now), and opens the page again.</summary>
    private static async Task KeepPeriodAsync(IPage page, string label, TimeSpan from, TimeSpan to)
    {
        var now = DateTimeOffset.UtcNow;
        await page.EvaluateAsync(
            """
            ([label, startsAt, endsAt]) => new Promise((resolve, reject) => {
              const open = indexedDB.open('permits-checkpoint', 1);
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const store = open.result.transaction('kept', 'readwrite').objectStore('kept');
                const get = store.get('offline');
                get.onsuccess = () => {
                  const put = store.put({ ...get.result, periods: [{ id: crypto.randomUUID(), label, startsAt, endsAt }] }, 'offline');
                  put.onsuccess = () => { open.result.close(); resolve(); };
                  put.onerror = () => reject(put.error);
                };
              };
            })
            """,
            new[] { label, now.Add(from).ToString("O", System.Globalization.CultureInfo.InvariantCulture), now.Add(to).ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        await page.ReloadAsync();
        await Expect(page.Locator("#kept")).ToContainTextAsync("Đang ngoại tuyến");
    }

    /// <summary>
    /// A permit of a ward in lockdown, checked offline: suspended, with the ward, the reason and since when,
    /// from the suspension lines of the kept feed. In a ward of its own.
    /// </summary>
    [Fact]
    public async Task Offline_a_permit_of_a_ward_in_lockdown_shows_suspended_with_the_ward_and_the_reason()
    {
        const string ward = "20207"; // Phường Thanh Khê Đông: no other browser test uses it
        var ct = TestContext.Current.CancellationToken;
        var tag = ApiSteps.Tag();
        var (enterpriseId, _) = await ApiSteps.RegisterEnterpriseAsync(web, ward, 10, tag);
        var clerk = await ApiSteps.CreateClerkAsync(web, enterpriseId, tag);
        var permit = Assert.Single(await ApiSteps.IssueAsync(web, clerk, [Workbooks.Person(9, $"Lâm Văn Phong Tỏa {tag}")]));
        using var approver = await web.ApiAsync(WebHost.Approver);
        async Task SetLevelAsync(int level, bool lockdown, string reason)
        {
            using var set = await approver.PutJson($"/api/v1/wards/{ward}/level", new { level, lockdown, reason });
            await set.Expect(HttpStatusCode.OK);
        }
        await SetLevelAsync(4, true, "Chùm ca bệnh ở chợ");
        try
        {
            // The feed carries the permit's suspension line (before the page keeps it).
            var cursor = "";
            for (var seen = false; !seen; await Task.Delay(200, ct))
            {
                var page = await (await approver.Get($"/api/v1/verify/revocations{cursor}")).Expect(HttpStatusCode.OK);
                seen = page.GetProperty("suspensions").EnumerateArray().Any(s => s.GetProperty("permitId").GetGuid() == permit.Id);
                cursor = $"?since={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}";
            }

            await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
            await checkpoint.SignInAsync(Checkpoint);
            await Expect(checkpoint.Page.Locator("#kept")).ToHaveAttributeAsync("data-synced", new System.Text.RegularExpressions.Regex("^20"));
            await checkpoint.Page.Context.SetOfflineAsync(true);
            await CheckAsync(checkpoint.Page, permit.Token);
            await Expect(checkpoint.Page.Locator("#verdict")).ToHaveTextAsync("TẠM DỪNG – PHONG TỎA");
            await Expect(checkpoint.Page.Locator("#offline-note")).ToContainTextAsync("NGOẠI TUYẾN");
            await Expect(checkpoint.Page.Locator("#suspension")).ToContainTextAsync("Phường Thanh Khê Đông bị phong tỏa từ ");
            await Expect(checkpoint.Page.Locator("#suspension")).ToContainTextAsync("Lý do: Chùm ca bệnh ở chợ");
            await Expect(checkpoint.Page.Locator("#facts dd[data-fact='holder']")).ToHaveTextAsync(permit.Person.FullName);
            await Shots.TakeAsync(checkpoint.Page, "scanner-offline-suspended");
            await checkpoint.CheckAccessibilityAsync();
        }
        finally
        {
            await SetLevelAsync(1, false, "Trả lại cấp độ ban đầu sau phép thử");
        }
    }

    /// <summary>The token with its 64 signature bytes (the last of the COSE_Sign1 message) replaced by random ones: the right shape, a wrong signature.</summary>
    private static string Forge(string token)
    {
        var bytes = Base32(token);
        RandomNumberGenerator.Fill(bytes.AsSpan(bytes.Length - 64));
        return Base32(bytes);
    }

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static byte[] Base32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            buffer = (buffer << 5 | Alphabet.IndexOf(c, StringComparison.Ordinal)) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }
        return [.. bytes];
    }

    private static string Base32(byte[] bytes)
    {
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8 | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }
}
