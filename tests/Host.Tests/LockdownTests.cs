using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TravelPermits.Enterprises.Levels;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// A ward's lockdown suspends its permits and lifting it restores them (issue 15, items 3 and 4):
/// online, in the offline verifiers' feed, and in the enterprises' mail. In Thừa Thiên Huế (city 46),
/// on wards no other test uses, so that no other test's permits are suspended.
/// </summary>
public abstract class LockdownTests(PermitsHost host)
{

    private Task<HttpClient> ApproverAsync() => WardLevelTests.HueApproverAsync(host);

    private static async Task<JsonElement> SetLevelAsync(HttpClient approver, string ward, int level, bool lockdown, string reason, DateTimeOffset? effectiveAt = null)
    {
        using var response = await approver.PutJson($"/api/v1/wards/{ward}/level", new { level, lockdown, reason, effectiveAt });
        return await response.Expect(HttpStatusCode.OK);
    }

    /// <summary>An active enterprise of <paramref name="ward"/>, approved by the city's approver, with <paramref name="people"/> permits issued.</summary>
    private async Task<(Guid Enterprise, HttpClient Clerk, string Contact, List<JsonElement> Permits)> IssuedAsync(HttpClient approver, string ward, int people)
    {
        var (enterprise, clerk, entries) = await WardLevelTests.ApprovedAsync(host, approver, ward, workforce: 100, people: people);
        var permits = (await PermitTests.IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        return (enterprise, clerk, (await read.Expect(HttpStatusCode.OK)).GetProperty("contactEmail").GetString()!, permits);
    }

    private async Task<JsonElement> VerifyAsync(JsonElement permit)
    {
        using var response = await host.Anonymous().Get($"/api/v1/verify/{permit.GetProperty("token").GetString()}");
        return await response.Expect(HttpStatusCode.OK);
    }

    private async Task<string> ResultAsync(JsonElement permit) => (await VerifyAsync(permit)).GetProperty("result").GetString()!;

    private async Task<(List<JsonElement> Suspensions, string Cursor)> FeedAsync(string? since)
    {
        using var response = await host.Anonymous().Get($"/api/v1/verify/revocations{(since is null ? "" : $"?since={since}")}");
        var feed = await response.Expect(HttpStatusCode.OK);
        return (feed.GetProperty("suspensions").EnumerateArray().ToList(), feed.GetProperty("nextCursor").GetString()!);
    }

    /// <summary>The documented hand check of a token, with the keys and the feed's page from <paramref name="since"/> saved to files, at the host's time.</summary>
    private async Task<string> OfflineAsync(JsonElement permit, string since)
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Path.Combine(host.WorkDirectory, Guid.NewGuid().ToString("N"));
        using (var keys = await host.Anonymous().Get("/api/v1/verify/keys"))
        {
            await File.WriteAllTextAsync(files + "-jwks.json", await keys.Content.ReadAsStringAsync(ct), ct);
        }
        using (var feed = await host.Anonymous().Get($"/api/v1/verify/revocations?since={since}"))
        {
            await File.WriteAllTextAsync(files + "-feed.json", await feed.Content.ReadAsStringAsync(ct), ct);
        }
        var (exitCode, output) = await PermitTests.RunAsync("python3", Path.Combine(Repository.Root, "docs", "tools", "verify_token.py"),
            permit.GetProperty("token").GetString()!, files + "-jwks.json", files + "-feed.json", "--at", host.Clock.GetUtcNow().ToString("O"));
        Assert.True(exitCode == 0 && output.Contains("Verified OK", StringComparison.Ordinal), output);
        return output;
    }

    private int Mails(string contact, string subject) =>
        Eml.ReadAll(host.MailDirectory).Count(m => m.To == contact && m.Subject.Contains(subject, StringComparison.Ordinal));

    private async Task SweepAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await LevelSweep.PublishDueAsync(scope.ServiceProvider, NullLogger.Instance, TestContext.Current.CancellationToken);
        await LevelSweep.FollowDueAsync(scope.ServiceProvider, NullLogger.Instance, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_lockdown_suspends_the_wards_permits_at_once_and_lifting_it_restores_them_with_the_same_QR_codes()
    {
        const string ward = "19765"; // Phường Thuận Thành
        const string neighbour = "19768"; // Phường Phú Hòa
        var approver = await ApproverAsync();
        var (_, clerk, contact, permits) = await IssuedAsync(approver, ward, 4);
        var (_, _, neighbourContact, neighbours) = await IssuedAsync(approver, neighbour, 1);
        var (_, beforeRevocation) = await FeedAsync(null);
        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].GetProperty("id").GetGuid() }, reason = "Nghỉ việc" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }
        var (_, cursor) = await FeedAsync(null);
        Assert.Equal("valid", await ResultAsync(permits[1]));

        var since = host.Clock.GetUtcNow();
        await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "Ổ dịch tại chợ Tây Lộc");

        var suspended = await VerifyAsync(permits[1]);
        Assert.Equal("suspended", suspended.GetProperty("result").GetString());
        var suspension = suspended.GetProperty("suspension");
        Assert.Equal(ward, suspension.GetProperty("wardCode").GetString());
        Assert.Equal("Phường Thuận Thành", suspension.GetProperty("wardName").GetString());
        Assert.Equal("Ổ dịch tại chợ Tây Lộc", suspension.GetProperty("reason").GetString());
        Assert.Equal(since, suspension.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(permits[1].GetProperty("id").GetGuid(), suspended.GetProperty("permitId").GetGuid());
        Assert.Equal(["revoked", "suspended", "suspended", "suspended"], await Task.WhenAll(permits.Select(ResultAsync)));
        Assert.Equal("valid", await ResultAsync(neighbours[0]));
        Assert.Equal(JsonValueKind.Null, (await VerifyAsync(neighbours[0])).GetProperty("suspension").ValueKind);
        using (var page = await host.Anonymous().GetAsync($"/v/{permits[2].GetProperty("token").GetString()}", TestContext.Current.CancellationToken))
        {
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains("TẠM DỪNG HIỆU LỰC", html, StringComparison.Ordinal);
            Assert.True(html.Contains("Ổ dịch tại chợ Tây Lộc", StringComparison.Ordinal), html);
        }

        // The offline verifiers' feed: the three live permits, from the lockdown on, not the revoked one nor the neighbour's.
        var (opened, afterLockdown) = await FeedAsync(cursor);
        Assert.Equal(permits.Skip(1).Select(p => p.GetProperty("id").GetGuid()).Order(), opened.Select(s => s.GetProperty("permitId").GetGuid()).Order());
        Assert.All(opened, s =>
        {
            Assert.Equal(ward, s.GetProperty("wardCode").GetString());
            Assert.Equal(since, s.GetProperty("since").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Null, s.GetProperty("until").ValueKind);
        });

        // An offline verifier with the keys and the feed says so too (docs/tools/verify_token.py).
        Assert.Contains("status: revoked", await OfflineAsync(permits[0], beforeRevocation));
        Assert.Contains("status: suspended: lockdown of Phường Thuận Thành (19765)", await OfflineAsync(permits[1], beforeRevocation));
        Assert.Contains("status: valid", await OfflineAsync(neighbours[0], beforeRevocation));

        var suspendedMail = await host.WaitForMailAsync(contact, m => m.Subject.Contains("tạm dừng hiệu lực", StringComparison.Ordinal));
        Assert.Contains("Ổ dịch tại chợ Tây Lộc", suspendedMail.Body, StringComparison.Ordinal);
        Assert.True(suspendedMail.Body.Contains("3 giấy", StringComparison.Ordinal), suspendedMail.Body);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var lifted = host.Clock.GetUtcNow();
        await SetLevelAsync(approver, ward, 3, lockdown: false, reason: "Đã khoanh vùng ổ dịch");

        Assert.Equal(["revoked", "valid", "valid", "valid"], await Task.WhenAll(permits.Select(ResultAsync)));
        using (var read = await clerk.Get($"/api/v1/permits/{permits[1].GetProperty("id").GetGuid()}"))
        {
            Assert.Equal(permits[1].GetProperty("token").GetString(), (await read.Expect(HttpStatusCode.OK)).GetProperty("token").GetString());
        }
        var (ended, _) = await FeedAsync(afterLockdown);
        Assert.Equal(3, ended.Count);
        Assert.All(ended, s => Assert.Equal(lifted, s.GetProperty("until").GetDateTimeOffset()));
        await host.WaitForMailAsync(contact, m => m.Subject.Contains("có hiệu lực trở lại", StringComparison.Ordinal));
        Assert.Contains("status: valid", await OfflineAsync(permits[1], beforeRevocation));

        // Asked again, by the sweep or with the same decision, nothing more is sent; the neighbour was told nothing.
        await SweepAsync();
        await SetLevelAsync(approver, ward, 3, lockdown: false, reason: "Giữ nguyên cấp độ");
        await Task.Delay(1500, TestContext.Current.CancellationToken); // the email job polls every second
        Assert.Equal(1, Mails(contact, "tạm dừng hiệu lực"));
        Assert.Equal(1, Mails(contact, "có hiệu lực trở lại"));
        Assert.Equal(0, Mails(neighbourContact, "phong tỏa"));

        var admin = await host.AsAsync("admin");
        using var audit = await admin.Get("/api/v1/audit?entityType=enterprise&action=enterprise.permits_suspended");
        Assert.Contains((await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("details").GetRawText().Contains(ward, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lockdown_decided_for_later_suspends_from_its_time_on_and_a_permit_issued_meanwhile_is_in_the_feed()
    {
        const string ward = "19771"; // Phường Phú Cát
        var approver = await ApproverAsync();
        var (enterprise, clerk, contact, permits) = await IssuedAsync(approver, ward, 1);
        var at = host.Clock.GetUtcNow().AddMinutes(10);
        await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "Phong tỏa từ 0 giờ", effectiveAt: at);
        Assert.Equal("valid", await ResultAsync(permits[0]));

        // Issued before it begins: the feed already says when this one is suspended.
        var (_, cursor) = await FeedAsync(null);
        var more = Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(7)]);
        using (var upload = await RequestTests.UploadAsync(clerk, enterprise, more))
        {
            var request = await upload.Expect(HttpStatusCode.Created);
            using var approve = await approver.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { });
            await approve.Expect(HttpStatusCode.OK);
            permits.AddRange((await PermitTests.IssueAsync(clerk, enterprise, request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())))
                .GetProperty("permits").EnumerateArray());
        }
        var (fed, _) = await FeedAsync(cursor);
        var line = Assert.Single(fed);
        Assert.Equal(permits[1].GetProperty("id").GetGuid(), line.GetProperty("permitId").GetGuid());
        Assert.Equal(at, line.GetProperty("since").GetDateTimeOffset());

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["suspended", "suspended"], await Task.WhenAll(permits.Select(ResultAsync)));
        Assert.Equal(0, Mails(contact, "tạm dừng hiệu lực"));
        await SweepAsync(); // the notice goes when the decision is followed, at its time
        await host.WaitForMailAsync(contact, m => m.Subject.Contains("tạm dừng hiệu lực", StringComparison.Ordinal));

        await SetLevelAsync(approver, ward, 2, lockdown: false, reason: "Dỡ phong tỏa");
        Assert.Equal(["valid", "valid"], await Task.WhenAll(permits.Select(ResultAsync)));
    }

    [Fact]
    public async Task A_lockdown_cancelled_before_its_time_never_suspends_and_the_feed_says_it_ends_where_it_begins()
    {
        const string ward = "19774"; // Phường Kim Long
        var approver = await ApproverAsync();
        var (_, _, contact, permits) = await IssuedAsync(approver, ward, 1);
        var (_, cursor) = await FeedAsync(null);
        var at = host.Clock.GetUtcNow().AddMinutes(30);
        await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "Dự kiến phong tỏa", effectiveAt: at);
        await SetLevelAsync(approver, ward, 2, lockdown: false, reason: "Không phong tỏa nữa", effectiveAt: at);

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("valid", await ResultAsync(permits[0]));
        var (fed, _) = await FeedAsync(cursor);
        Assert.Equal(2, fed.Count);
        Assert.Equal(at, fed[^1].GetProperty("until").GetDateTimeOffset());
        Assert.Equal(at, fed[^1].GetProperty("since").GetDateTimeOffset());
        await SweepAsync();
        Assert.Equal(0, Mails(contact, "phong tỏa"));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class LockdownTestsOnSqlite(SqliteHost host) : LockdownTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class LockdownTestsOnPostgres(PostgresHost host) : LockdownTests(host);
