using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Wards' epidemic levels (issue 15, items 1 and 2): decisions, their history and scope, and quotas
/// that follow the level. They run in Thừa Thiên Huế (city 46), whose ratios per level no other test
/// sets, one ward per test, so that the Đà Nẵng wards the other tests use keep their 30 %.
/// </summary>
public abstract class WardLevelTests(PermitsHost host)
{
    private const string City = "46";
    private const string ApproverEmail = "approver.46@tests.local";

    private static readonly object Ratios = new Dictionary<string, int> { ["1"] = 100, ["2"] = 50, ["3"] = 30, ["4"] = 0 };

    private Task<HttpClient> ApproverAsync() => HueApproverAsync(host);

    /// <summary>The approver of Thừa Thiên Huế, whose wards the level and lockdown tests use.</summary>
    internal static async Task<HttpClient> HueApproverAsync(PermitsHost host)
    {
        using (var created = await host.TryCreateUserAsync(ApproverEmail, "approver", city: City))
        {
            if (created.StatusCode != HttpStatusCode.Conflict)
            {
                await created.Expect(HttpStatusCode.Created);
            }
        }
        return await host.ClientAsync(ApproverEmail);
    }

    private static async Task<JsonElement> SetLevelAsync(HttpClient client, string ward, int level, bool lockdown = false, string reason = "Đánh giá cấp độ dịch",
        DateTimeOffset? effectiveAt = null)
    {
        using var response = await client.PutJson($"/api/v1/wards/{ward}/level", new { level, lockdown, reason, effectiveAt });
        return await response.Expect(HttpStatusCode.OK);
    }

    private static async Task SetRatiosAsync(HttpClient approver)
    {
        using var response = await approver.PutJson($"/api/v1/cities/{City}/policy", new { defaultRatioPercent = 30, ratioByLevel = Ratios });
        var policy = await response.Expect(HttpStatusCode.OK);
        Assert.Equal(30, policy.GetProperty("ratioByLevel").GetProperty("3").GetInt32());
    }

    private async Task<JsonElement> WardAsync(string ward, string query = "")
    {
        using var response = await host.Anonymous().Get($"/api/v1/wards?cityCode={City}{query}");
        var wards = await response.Expect(HttpStatusCode.OK);
        return wards.EnumerateArray().Single(w => w.GetProperty("code").GetString() == ward);
    }

    private static async Task<JsonElement> EnterpriseAsync(HttpClient client, Guid id)
    {
        using var response = await client.Get($"/api/v1/enterprises/{id}");
        return await response.Expect(HttpStatusCode.OK);
    }

    private Task<(Guid Enterprise, HttpClient Clerk, List<Guid> Entries)> ApprovedAsync(HttpClient approver, string ward, int workforce, int people) =>
        ApprovedAsync(host, approver, ward, workforce, people);

    /// <summary>An active enterprise of <paramref name="ward"/> with its clerk and <paramref name="people"/> people approved by the city's approver.</summary>
    internal static async Task<(Guid Enterprise, HttpClient Clerk, List<Guid> Entries)> ApprovedAsync(
        PermitsHost host, HttpClient approver, string ward, int workforce, int people)
    {
        var enterprise = await host.RegisterEnterpriseAsync(ward, workforce);
        var email = PermitsHost.EnterpriseEmail(enterprise);
        await host.CreateUserAsync(email, "enterprise", enterprise: enterprise);
        var clerk = await host.ClientAsync(email);
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), Enumerable.Range(0, people).Select(i => Workbooks.Person(i)));
        using var upload = await RequestTests.UploadAsync(clerk, enterprise, file);
        var request = await upload.Expect(HttpStatusCode.Created);
        using var approve = await approver.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { });
        await approve.Expect(HttpStatusCode.OK);
        return (enterprise, clerk, request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList());
    }

    private async Task FollowDueLevelsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await LevelSweep.FollowDueAsync(scope.ServiceProvider, NullLogger.Instance, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_approver_sets_a_wards_level_and_lockdown_which_the_list_and_the_history_show()
    {
        const string ward = "19744"; // Phường Phú Thuận
        var approver = await ApproverAsync();
        var before = await WardAsync(ward);
        Assert.Equal(1, before.GetProperty("level").GetInt32());
        Assert.False(before.GetProperty("lockdown").GetBoolean());

        var set = await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "  Ổ dịch   tại chợ Đông Ba ");
        Assert.Equal(ward, set.GetProperty("code").GetString());
        Assert.Equal(4, set.GetProperty("level").GetInt32());
        Assert.True(set.GetProperty("lockdown").GetBoolean());
        Assert.Equal("Ổ dịch tại chợ Đông Ba", set.GetProperty("reason").GetString());
        Assert.Equal(host.Clock.GetUtcNow(), set.GetProperty("since").GetDateTimeOffset());
        Assert.EndsWith("+07:00", set.GetProperty("since").GetString(), StringComparison.Ordinal);

        var listed = await WardAsync(ward);
        Assert.Equal(4, listed.GetProperty("level").GetInt32());
        Assert.True(listed.GetProperty("lockdown").GetBoolean());
        await WardAsync(ward, "&level=4"); // the city's wards at level 4 include it
        using (var atTwo = await host.Anonymous().Get($"/api/v1/wards?cityCode={City}&level=2"))
        {
            Assert.DoesNotContain((await atTwo.Expect(HttpStatusCode.OK)).EnumerateArray(), w => w.GetProperty("code").GetString() == ward);
        }

        await SetLevelAsync(approver, ward, 2, lockdown: false, reason: "Đã khoanh vùng ổ dịch");
        using var history = await approver.Get($"/api/v1/wards/{ward}/levels");
        var levels = await history.Expect(HttpStatusCode.OK);
        Assert.Equal(2, levels.GetProperty("level").GetInt32());
        Assert.False(levels.GetProperty("lockdown").GetBoolean());
        Assert.Equal("Đã khoanh vùng ổ dịch", levels.GetProperty("reason").GetString());
        var items = levels.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 4], items.Select(i => i.GetProperty("level").GetInt32()));
        Assert.All(items, i => Assert.Equal(ApproverEmail, i.GetProperty("setBy").GetString()));
        Assert.Equal([true, false], items.Select(i => i.GetProperty("inForce").GetBoolean()));

        var admin = await host.AsAsync("admin");
        using var audit = await admin.Get($"/api/v1/audit?entityType=ward&entityId={ward}");
        var actions = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(2, actions.Count(a => a == "ward.level_set"));
    }

    [Fact]
    public async Task Only_officials_in_scope_set_or_read_a_wards_level()
    {
        const string ward = "19747"; // Phường Phú Bình
        var approver = await ApproverAsync();
        var body = new { level = 3, lockdown = false, reason = "Thử" };

        var daNangApprover = await host.AsAsync("approver");
        using (var otherCity = await daNangApprover.PutJson($"/api/v1/wards/{ward}/level", body))
        {
            await otherCity.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var officer = await (await host.AsAsync("ward-officer")).PutJson($"/api/v1/wards/{PermitsHost.WardCode}/level", body))
        {
            await officer.ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        }
        using (var anonymous = await host.Anonymous().PutJson($"/api/v1/wards/{ward}/level", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var unknown = await approver.PutJson("/api/v1/wards/99999/level", body))
        {
            await unknown.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var readOtherCity = await daNangApprover.Get($"/api/v1/wards/{ward}/levels"))
        {
            await readOtherCity.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var enterprise = await (await host.AsAsync("enterprise")).Get($"/api/v1/wards/{PermitsHost.WardCode}/levels"))
        {
            await enterprise.ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        }
        // Nothing was recorded by the refusals; the ward's own police read its (default) level.
        using var police = await (await host.AsAsync("ward-police")).Get($"/api/v1/wards/{PermitsHost.WardCode}/levels");
        Assert.Equal(1, (await police.Expect(HttpStatusCode.OK)).GetProperty("level").GetInt32());
        using var own = await approver.Get($"/api/v1/wards/{ward}/levels");
        Assert.Empty((await own.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_levels_and_ratios_are_refused_with_every_error_in_the_callers_language()
    {
        const string ward = "19750"; // Phường Tây Lộc
        var approver = await ApproverAsync();
        using (var bad = await approver.PutJson($"/api/v1/wards/{ward}/level", new { level = 5, reason = "" }))
        {
            var errors = (await bad.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
            foreach (var field in new[] { "level", "lockdown", "reason" })
            {
                Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
            }
        }
        using (var tooLong = await approver.PutJson($"/api/v1/wards/{ward}/level", new { level = 0, lockdown = true, reason = new string('x', 501) }))
        {
            var errors = (await tooLong.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
            Assert.True(errors.TryGetProperty("level", out _) && errors.TryGetProperty("reason", out _), errors.ToString());
        }
        var english = await ApproverAsync();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using (var past = await english.PutJson($"/api/v1/wards/{ward}/level",
            new { level = 2, lockdown = false, reason = "Muộn", effectiveAt = host.Clock.GetUtcNow().AddDays(-1) }))
        {
            var problem = await past.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("The effective time cannot be in the past.", problem.GetProperty("errors").GetProperty("effectiveAt")[0].GetString());
        }
        using (var past = await approver.PutJson($"/api/v1/wards/{ward}/level",
            new { level = 2, lockdown = false, reason = "Muộn", effectiveAt = host.Clock.GetUtcNow().AddDays(-1) }))
        {
            var problem = await past.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("Thời điểm có hiệu lực không được ở quá khứ.", problem.GetProperty("errors").GetProperty("effectiveAt")[0].GetString());
        }
        foreach (var ratios in new object[]
        {
            new Dictionary<string, int> { ["1"] = 100, ["2"] = 50, ["3"] = 30 },
            new Dictionary<string, int> { ["1"] = 101, ["2"] = 50, ["3"] = 30, ["4"] = 0 },
            new Dictionary<string, int> { ["1"] = 100, ["2"] = 50, ["3"] = 30, ["5"] = 0 },
        })
        {
            using var response = await approver.PutJson($"/api/v1/cities/{City}/policy", new { defaultRatioPercent = 30, ratioByLevel = ratios });
            Assert.True((await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("ratioByLevel", out _));
        }
        using var history = await approver.Get($"/api/v1/wards/{ward}/levels");
        Assert.Empty((await history.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Raising_a_ward_from_2_to_3_lowers_its_enterprises_quotas_by_the_citys_ratios_and_revokes_nothing()
    {
        const string ward = "19753"; // Phường Thuận Lộc
        var approver = await ApproverAsync();
        await SetRatiosAsync(approver);
        await SetLevelAsync(approver, ward, 2);

        // Registered at level 2: 50 % of 20.
        var (over, clerk, entries) = await ApprovedAsync(approver, ward, workforce: 20, people: 9);
        Assert.Equal(10, (await EnterpriseAsync(approver, over)).GetProperty("quota").GetInt32());
        var issued = (await PermitTests.IssueAsync(clerk, over, entries.Take(8))).GetProperty("permits").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();
        var explicitQuota = await host.RegisterEnterpriseAsync(ward, 20);
        using (var set = await approver.PutJson($"/api/v1/enterprises/{explicitQuota}/quota", new { quota = 9, reason = "Sản xuất thiết yếu" }))
        {
            await set.Expect(HttpStatusCode.OK);
        }
        var explicitRatio = await host.RegisterEnterpriseAsync(ward, 20);
        using (var set = await approver.PutJson($"/api/v1/enterprises/{explicitRatio}/quota", new { ratioPercent = 40, reason = "Cung ứng thực phẩm" }))
        {
            await set.Expect(HttpStatusCode.OK);
        }
        var under = await host.RegisterEnterpriseAsync(ward, 40);
        var contact = (await EnterpriseAsync(approver, over)).GetProperty("contactEmail").GetString()!;

        await SetLevelAsync(approver, ward, 3, reason: "Số ca mắc tăng");

        var lowered = await EnterpriseAsync(approver, over);
        Assert.Equal(30, lowered.GetProperty("ratioPercent").GetInt32());
        Assert.Equal(6, lowered.GetProperty("quota").GetInt32()); // floor(20 × 30 %)
        Assert.Equal(8, lowered.GetProperty("activePermits").GetInt32());
        Assert.Equal(0, lowered.GetProperty("remaining").GetInt32());
        Assert.Equal(2, lowered.GetProperty("permitsOverQuota").GetInt32());
        Assert.Equal(12, (await EnterpriseAsync(approver, under)).GetProperty("quota").GetInt32()); // 50 % of 40, then 30 %
        Assert.Equal(9, (await EnterpriseAsync(approver, explicitQuota)).GetProperty("quota").GetInt32());
        var keptRatio = await EnterpriseAsync(approver, explicitRatio);
        Assert.Equal(40, keptRatio.GetProperty("ratioPercent").GetInt32());
        Assert.Equal(8, keptRatio.GetProperty("quota").GetInt32());
        using (var policy = await approver.Get($"/api/v1/wards/{ward}/policy"))
        {
            Assert.Equal(30, (await policy.Expect(HttpStatusCode.OK)).GetProperty("effectiveRatioPercent").GetInt32());
        }

        // Its permits stand; it cannot issue until it is under its quota again.
        using (var permits = await clerk.Get($"/api/v1/enterprises/{over}/permits?status=issued"))
        {
            Assert.Equal(8, (await permits.Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        }
        using (var refused = await clerk.PostJson($"/api/v1/enterprises/{over}/permits", new { entryIds = new[] { entries[8] } }))
        {
            await refused.ExpectProblem(HttpStatusCode.Conflict, "quota_exceeded");
        }
        // An official still may not lower it under the live permits by hand.
        using (var manual = await approver.PutJson($"/api/v1/enterprises/{over}/quota", new { quota = 5, reason = "Thử" }))
        {
            await manual.ExpectProblem(HttpStatusCode.Conflict, "quota_below_active");
        }

        var mail = await host.WaitForMailAsync(contact, m => m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));
        Assert.Contains("vượt 2 giấy", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("cấp độ dịch 3", mail.Body, StringComparison.Ordinal);
        // The sweep, and the same level decided again, change nothing more and send nothing more.
        await FollowDueLevelsAsync();
        await SetLevelAsync(approver, ward, 3, reason: "Giữ nguyên cấp độ");
        await Task.Delay(1500, TestContext.Current.CancellationToken); // the email job polls every second
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == contact && m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));

        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = issued.Take(3), reason = "Nghỉ việc" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }
        await PermitTests.IssueAsync(clerk, over, [entries[8]]); // 5 live under a quota of 6
    }

    [Fact]
    public async Task Every_enterprise_of_a_busy_ward_follows_a_decision_before_it_is_answered()
    {
        const string ward = "19762"; // Phường Thuận Hòa
        var approver = await ApproverAsync();
        await SetRatiosAsync(approver);
        var enterprises = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            enterprises.Add(await host.RegisterEnterpriseAsync(ward, 100 + i));
        }
        await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "Phong tỏa toàn phường");
        using var listed = await approver.Get($"/api/v1/enterprises?wardCode={ward}&limit=100");
        var quotas = (await listed.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetGuid(), e => e.GetProperty("quota").GetInt32());
        Assert.All(enterprises, e => Assert.Equal(0, quotas[e]));
        using var audit = await approver.Get($"/api/v1/audit?entityType=ward&entityId={ward}");
        var followed = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("action").GetString() == "ward.level_followed");
        Assert.Equal(30, followed.GetProperty("details").GetProperty("enterprisesChanged").GetInt32());
    }

    [Fact]
    public async Task An_enterprise_follows_a_decision_once_however_often_it_is_asked()
    {
        const string ward = "19759"; // Phường Phú Hậu
        var approver = await ApproverAsync();
        var enterprise = await host.RegisterEnterpriseAsync(ward, 10);
        var contact = (await EnterpriseAsync(approver, enterprise)).GetProperty("contactEmail").GetString()!;
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEnterpriseGrain>(enterprise);
        var change = Guid.NewGuid();
        var decision = Guid.NewGuid();
        Assert.True(await grain.FollowWardLevelAsync(change, new WardLevelRatio(decision, ward, "Phường Phú Hậu", 2, 50, "Thử")));
        // Asked again under the same id (a sweep on another Host), even with another ratio: nothing changes.
        Assert.False(await grain.FollowWardLevelAsync(change, new WardLevelRatio(decision, ward, "Phường Phú Hậu", 4, 0, "Thử")));
        Assert.Equal(5, (await EnterpriseAsync(approver, enterprise)).GetProperty("quota").GetInt32());
        await host.WaitForMailAsync(contact, m => m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == contact && m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_level_decided_for_later_is_in_force_from_its_time_and_quotas_follow_it_then()
    {
        const string ward = "19756";
        var approver = await ApproverAsync();
        await SetRatiosAsync(approver);
        var enterprise = await host.RegisterEnterpriseAsync(ward, 10);
        Assert.Equal(10, (await EnterpriseAsync(approver, enterprise)).GetProperty("quota").GetInt32()); // level 1: 100 %
        var contact = (await EnterpriseAsync(approver, enterprise)).GetProperty("contactEmail").GetString()!;

        var at = host.Clock.GetUtcNow().AddMinutes(10);
        var set = await SetLevelAsync(approver, ward, 4, lockdown: true, reason: "Phong tỏa từ 0 giờ", effectiveAt: at);
        Assert.Equal(at, set.GetProperty("since").GetDateTimeOffset());
        Assert.False(set.GetProperty("inForce").GetBoolean());
        await FollowDueLevelsAsync();
        Assert.Equal(1, (await WardAsync(ward)).GetProperty("level").GetInt32());
        Assert.Equal(10, (await EnterpriseAsync(approver, enterprise)).GetProperty("quota").GetInt32());

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        host.ForgetSignIns();
        approver = await ApproverAsync();
        var ward4 = await WardAsync(ward); // in force at its time, with no job run
        Assert.Equal(4, ward4.GetProperty("level").GetInt32());
        Assert.True(ward4.GetProperty("lockdown").GetBoolean());

        await FollowDueLevelsAsync();
        var followed = await EnterpriseAsync(approver, enterprise);
        Assert.Equal(0, followed.GetProperty("ratioPercent").GetInt32());
        Assert.Equal(0, followed.GetProperty("quota").GetInt32());
        await host.WaitForMailAsync(contact, m => m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));
        await FollowDueLevelsAsync();
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == contact && m.Subject.Contains("cấp độ dịch", StringComparison.Ordinal));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class WardLevelTestsOnSqlite(SqliteHost host) : WardLevelTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class WardLevelTestsOnPostgres(PostgresHost host) : WardLevelTests(host);
