using System.Net;
using System.Text.Json;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary><c>GET /api/v1/enterprises/{id}/approved-people</c>: the approved list, searched, paged, without permit holders when asked.</summary>
public abstract class ApprovedPeopleTests(PermitsHost host)
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_people_without_a_live_permit_are_listed_a_page_at_a_time_and_a_revoked_permit_puts_its_holder_back()
    {
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, 5);
        var issued = await PermitTests.IssueAsync(clerk, enterprise, entries.Take(2));
        var all = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, Items(all).Count);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nextCursor").ValueKind);

        var first = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?withoutPermit=true&limit=2")).Expect(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?withoutPermit=true&limit=2&cursor={cursor}")).Expect(HttpStatusCode.OK);
        var without = Items(first).Concat(Items(second)).Select(p => p.GetProperty("entryId").GetGuid()).ToList();
        Assert.Equal(entries.Skip(2).Order(), without.Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var person = Items(first)[0];
        foreach (var field in new[] { "fullName", "idNumber", "dateOfBirth", "gender", "approvedAt" })
        {
            Assert.True(person.TryGetProperty(field, out _), field);
        }

        var permitId = issued.GetProperty("permits")[0].GetProperty("id").GetGuid();
        using var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permitId }, reason = "Nghỉ việc" });
        await revoke.Expect(HttpStatusCode.OK);
        var after = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?withoutPermit=true")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, Items(after).Count);
    }

    [Fact]
    public async Task The_search_takes_words_of_the_name_without_diacritics_or_the_ID_number()
    {
        var (enterprise, clerk, _) = await PermitTests.ApprovedAsync(host, 3, fullName: "Hoàng Thị Lan");
        var page = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?q=lan%20HOANG")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, Items(page).Count);
        var id = Items(page)[1].GetProperty("idNumber").GetString();
        var byId = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?q={id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(Items(byId)).GetProperty("idNumber").GetString());
        var none = await (await clerk.Get($"/api/v1/enterprises/{enterprise}/approved-people?q=minh")).Expect(HttpStatusCode.OK);
        Assert.Empty(Items(none));
    }

    [Fact]
    public async Task Another_enterprise_gets_a_404_and_a_ward_official_of_the_ward_reads_it()
    {
        var (enterprise, _, _) = await PermitTests.ApprovedAsync(host, 1);
        var other = await host.AsAsync("enterprise");
        using var refused = await other.Get($"/api/v1/enterprises/{enterprise}/approved-people");
        await refused.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var officer = await host.AsAsync("ward-officer");
        using var read = await officer.Get($"/api/v1/enterprises/{enterprise}/approved-people");
        await read.Expect(HttpStatusCode.OK);
        var checkpoint = await host.AsAsync("checkpoint");
        using var forbidden = await checkpoint.Get($"/api/v1/enterprises/{enterprise}/approved-people");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ApprovedPeopleTestsOnSqlite(SqliteHost host) : ApprovedPeopleTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ApprovedPeopleTestsOnPostgres(PostgresHost host) : ApprovedPeopleTests(host);
