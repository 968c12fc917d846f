using System.Net;
using System.Text.Json;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// <c>GET /api/v1/stats</c>: the counts of a ward no other test uses, as each role in reach sees them,
/// the city's counts moving by exactly what the test added, and every filter outside the caller's
/// reach a 404.
/// </summary>
public abstract class StatsTests(PermitsHost host)
{
    /// <summary>Phường Thọ Quang (Sơn Trà): only these tests put anything in it.</summary>
    private const string Ward = "20263";

    /// <summary>Phường Nại Hiên Đông (Sơn Trà): the scope checks' enterprises, kept out of <see cref="Ward"/>'s counts.</summary>
    private const string ScopeWard = "20266";

    private static async Task<JsonElement> StatsAsync(HttpClient client, string query = "")
    {
        using var response = await client.Get($"/api/v1/stats{query}");
        return await response.Expect(HttpStatusCode.OK);
    }

    private static int Count(JsonElement stats, string part, string status) =>
        stats.GetProperty(part).GetProperty("byStatus").GetProperty(status).GetInt32();

    private static int Total(JsonElement stats, string part) => stats.GetProperty(part).GetProperty("total").GetInt32();

    [Fact]
    public async Task Each_role_counts_its_own_scope_and_the_city_moves_by_what_was_added()
    {
        var approver = await host.AsAsync("approver");
        var hanoi = await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode));
        var cityBefore = await StatsAsync(approver);
        var hanoiBefore = await StatsAsync(hanoi);
        var period = await PermitTests.CurrentPeriodAsync(host);

        // In the ward: an enterprise with 3 approved people, 2 permits issued and 1 of them revoked,
        // a second request waiting; another active enterprise, and a pending self-registration.
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, 3, ward: Ward);
        var permits = (await PermitTests.IssueAsync(clerk, enterprise, entries.Take(2))).GetProperty("permits").EnumerateArray().ToList();
        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].GetProperty("id").GetString() }, reason = "Nghỉ việc" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }
        using (var waiting = await RequestTests.UploadAsync(clerk, enterprise,
            Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(4)])))
        {
            await waiting.Expect(HttpStatusCode.Created);
        }
        var other = await host.RegisterEnterpriseAsync(Ward, workforce: 50);
        using (var pending = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = Http.Unique("Công ty Chờ"), taxCode = TestData.TaxCode(), wardCode = Ward, address = "1 Ngô Quyền",
            contactEmail = Http.Unique("pending") + "@tests.local", contactPhone = "0905123456", workforce = 20,
        }))
        {
            await pending.Expect(HttpStatusCode.Created);
        }

        // The ward's officer: the ward and nothing else, without a filter.
        var officer = await host.CreateWardUserAsync("ward-officer", Ward);
        var ward = await StatsAsync(officer);
        Assert.Equal(Ward, ward.GetProperty("scope").GetProperty("wardCode").GetString());
        Assert.Equal((2, 1, 0), (Count(ward, "enterprises", "active"), Count(ward, "enterprises", "pending"), Count(ward, "enterprises", "rejected")));
        Assert.Equal(3, Total(ward, "enterprises"));
        Assert.Equal((1, 1, 2), (Count(ward, "requests", "approved"), Count(ward, "requests", "submitted"), Total(ward, "requests")));
        Assert.Equal(0, Total(ward, "applications"));
        Assert.Equal((1, 1, 0, 2), (Count(ward, "permits", "issued"), Count(ward, "permits", "revoked"), Count(ward, "permits", "expired"), Total(ward, "permits")));
        // Places of the active enterprises: 30 of 100 and 15 of 50 (the ratio of 30 %), one taken by the live permit.
        Assert.Equal((45, 1, 44), (ward.GetProperty("places").GetProperty("quota").GetInt32(),
            ward.GetProperty("places").GetProperty("taken").GetInt32(), ward.GetProperty("places").GetProperty("remaining").GetInt32()));
        var current = ward.GetProperty("currentPeriod");
        Assert.Equal(period.GetProperty("id").GetString(), current.GetProperty("id").GetString());
        Assert.Equal(2, current.GetProperty("issued").GetInt32());

        // The approver and the admin, filtered to the ward, see the same; the enterprise, itself only.
        foreach (var (client, query) in new[] { (approver, $"?wardCode={Ward}"), (await host.AsAsync("admin"), $"?cityCode=48&wardCode={Ward}") })
        {
            var same = await StatsAsync(client, query);
            Assert.Equal(ward.GetProperty("permits").GetRawText(), same.GetProperty("permits").GetRawText());
            Assert.Equal(ward.GetProperty("enterprises").GetRawText(), same.GetProperty("enterprises").GetRawText());
            Assert.Equal(ward.GetProperty("requests").GetRawText(), same.GetProperty("requests").GetRawText());
        }
        var own = await StatsAsync(clerk);
        Assert.Equal(enterprise.ToString(), own.GetProperty("scope").GetProperty("enterpriseId").GetString());
        Assert.Equal((1, 2, 2), (Total(own, "enterprises"), Total(own, "requests"), Total(own, "permits")));
        Assert.Equal((30, 1), (own.GetProperty("places").GetProperty("quota").GetInt32(), own.GetProperty("places").GetProperty("taken").GetInt32()));
        var byEnterprise = await StatsAsync(officer, $"?enterpriseId={other}");
        Assert.Equal((1, 0, 0), (Total(byEnterprise, "enterprises"), Total(byEnterprise, "requests"), Total(byEnterprise, "permits")));

        // The city moved by exactly this; the other city not at all.
        var cityAfter = await StatsAsync(approver);
        Assert.Equal(PermitsHost.CityCode, cityAfter.GetProperty("scope").GetProperty("cityCode").GetString());
        foreach (var (part, status, added) in new[]
        {
            ("enterprises", "active", 2), ("enterprises", "pending", 1), ("requests", "approved", 1), ("requests", "submitted", 1),
            ("permits", "issued", 1), ("permits", "revoked", 1),
        })
        {
            Assert.Equal(Count(cityBefore, part, status) + added, Count(cityAfter, part, status));
        }
        var hanoiAfter = await StatsAsync(hanoi);
        foreach (var part in new[] { "enterprises", "requests", "applications", "permits" })
        {
            Assert.Equal(hanoiBefore.GetProperty(part).GetRawText(), hanoiAfter.GetProperty(part).GetRawText());
        }
    }

    [Fact]
    public async Task A_filter_outside_the_callers_reach_is_not_found_and_a_malformed_one_is_refused()
    {
        var enterprise = await host.RegisterEnterpriseAsync(ScopeWard);
        var outsiders = new (HttpClient Client, string Query)[]
        {
            (await host.AsAsync("ward-officer"), $"?wardCode={ScopeWard}"),                  // another ward of the city
            (await host.AsAsync("ward-officer"), $"?enterpriseId={enterprise}"),
            (await host.AsAsync("area-police"), $"?cityCode={PermitsHost.OtherCityCode}"),
            (await host.AsAsync("approver"), $"?cityCode={PermitsHost.OtherCityCode}"),
            (await host.AsAsync("approver"), $"?wardCode={PermitsHost.OtherCityWard}"),
            (await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode)), $"?enterpriseId={enterprise}"),
            (await host.AsAsync("enterprise"), $"?enterpriseId={host.OtherEnterpriseId}"),
            (await host.AsAsync("enterprise"), $"?wardCode={ScopeWard}"),
            (await host.AsAsync("admin"), $"?cityCode={PermitsHost.OtherCityCode}&wardCode={ScopeWard}"),       // a ward of another city
            (await host.AsAsync("admin"), $"?wardCode={PermitsHost.WardCode}&enterpriseId={enterprise}"), // an enterprise of another ward
            (await host.AsAsync("admin"), "?wardCode=99999"),
            (await host.AsAsync("admin"), $"?enterpriseId={Guid.NewGuid()}"),
        };
        foreach (var (client, query) in outsiders)
        {
            using var response = await client.Get($"/api/v1/stats{query}");
            await response.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }

        var admin = await host.AsAsync("admin");
        using (var letters = await admin.Get("/api/v1/stats?wardCode=abc&cityCode=4%208"))
        {
            var problem = await letters.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("wardCode", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("cityCode", out _));
        }
        using (var notAnId = await admin.Get("/api/v1/stats?enterpriseId=nope"))
        {
            await notAnId.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        // Within reach, the same filters answer.
        var inside = await StatsAsync(await host.CreateWardUserAsync("ward-officer", ScopeWard), $"?cityCode=48&wardCode={ScopeWard}&enterpriseId={enterprise}");
        Assert.Equal(1, Count(inside, "enterprises", "active"));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class StatsTestsOnSqlite(SqliteHost host) : StatsTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class StatsTestsOnPostgres(PostgresHost host) : StatsTests(host);
