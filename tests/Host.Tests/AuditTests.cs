using System.Net;
using System.Text.Json;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary><c>GET /api/v1/audit</c>: its filters, its pages and the approver's city.</summary>
public abstract class AuditTests(PermitsHost host)
{
    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query)
    {
        using var response = await client.Get($"/api/v1/audit{query}");
        return (await response.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task An_activation_is_found_by_its_action_or_kind_page_by_page_within_the_approvers_city()
    {
        using var registered = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = Http.Unique("Công ty Nhật ký"), taxCode = TestData.TaxCode(), wardCode = PermitsHost.WardCode, address = "3 Trần Phú",
            contactEmail = Http.Unique("audit") + "@tests.local", contactPhone = "0905123456", workforce = 40,
        });
        var id = (await registered.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var activate = await (await host.AsAsync("ward-officer")).PostJson($"/api/v1/enterprises/{id}/activate", new { }))
        {
            await activate.Expect(HttpStatusCode.OK);
        }

        var admin = await host.AsAsync("admin");
        var line = Assert.Single(await ItemsAsync(admin, $"?entityType=enterprise&entityId={id}&action=enterprise.activated"));
        Assert.Equal(PermitsHost.UserEmail("ward-officer", PermitsHost.WardCode), line.GetProperty("actor").GetString());
        Assert.EndsWith("+07:00", line.GetProperty("at").GetString(), StringComparison.Ordinal);
        var kind = await ItemsAsync(admin, $"?entityId={id}&action=enterprise.");
        Assert.Contains(kind, a => a.GetProperty("action").GetString() == "enterprise.activated");
        Assert.All(kind, a => Assert.StartsWith("enterprise.", a.GetProperty("action").GetString(), StringComparison.Ordinal));
        Assert.Empty(await ItemsAsync(admin, $"?entityId={id}&action=enterprise"));

        // Newest first, one line a page, every line once.
        var all = await ItemsAsync(admin, $"?entityId={id}");
        Assert.True(all.Count >= 2, $"{all.Count} lines");
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            using var page = await admin.Get($"/api/v1/audit?entityId={id}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            var body = await page.Expect(HttpStatusCode.OK);
            paged.AddRange(body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()!));
            cursor = body.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(all.Select(a => a.GetProperty("action").GetString()), paged);

        Assert.NotEmpty(await ItemsAsync(await host.AsAsync("approver"), $"?entityId={id}&action=enterprise.activated"));
        Assert.Empty(await ItemsAsync(await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode)), $"?entityId={id}"));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?cursor=%%%", "cursor")]
    [InlineData("?action=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "action")]
    public async Task A_malformed_query_is_refused_naming_its_field(string query, string field)
    {
        using var response = await (await host.AsAsync("admin")).Get($"/api/v1/audit{query}");
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditTestsOnSqlite(SqliteHost host) : AuditTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class AuditTestsOnPostgres(PostgresHost host) : AuditTests(host);
