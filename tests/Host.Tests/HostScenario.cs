using System.Net;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// What the Host-process tests start from: Da Nang's Thanh Binh ward, one enterprise there with its
/// clerk, ward officer and checkpoint officer, and a request of <c>people</c> entries approved by the officer.
/// </summary>
internal static class HostScenario
{
    public const string ClerkEmail = "clerk@tests.local";
    public const string OfficerEmail = "officer@tests.local";
    public const string CheckpointEmail = "checkpoint@tests.local";

    /// <summary>Permits that take a place: awaiting a stamp or issued.</summary>
    public const string LivePermits = "SELECT COUNT(*) FROM prm_permits WHERE \"Status\" IN ('approved', 'issued')";

    /// <summary>Holds of places whose permits are neither settled nor released yet.</summary>
    public const string HeldHolds = "SELECT COUNT(*) FROM ent_quota_holds WHERE \"State\" = 'held'";

    /// <summary>The enterprise (quota: 30 % of <paramref name="workforce"/>, rounded down) and its approved entries.</summary>
    public static async Task<(Guid Enterprise, IReadOnlyList<Guid> Entries)> ApprovedPeopleAsync(HostProcess host, string name, int workforce, int people)
    {
        var admin = await SignInAsync(host, PermitsHost.AdminEmail);
        using (var imported = await admin.PostJson("/api/v1/admin/geo/import", new
        {
            data = new[] { new { level1_id = "48", name = "Thành phố Đà Nẵng", type = "Thành phố", level2s = new[]
            {
                new { level2_id = "492", name = "Quận Hải Châu", type = "Quận", level3s = new[] { new { level3_id = "20227", name = "Phường Thanh Bình", type = "Phường" } } },
            } } },
        }))
        {
            await imported.Expect(HttpStatusCode.OK);
        }
        using var registered = await admin.PostJson("/api/v1/enterprises", new
        {
            name, taxCode = TestData.TaxCode(), wardCode = "20227", address = "1 Hùng Vương",
            contactEmail = Http.Unique("hr") + "@tests.local", contactPhone = "0905123456", workforce,
        });
        var enterprise = (await registered.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var (email, role, city, ward, id) in new[]
        {
            (ClerkEmail, "enterprise", (string?)null, (string?)null, (Guid?)enterprise), (OfficerEmail, "ward-officer", null, "20227", null), (CheckpointEmail, "checkpoint", "48", null, null),
        })
        {
            using var user = await admin.PostJson("/api/v1/users", new { email, password = PermitsHost.Password, fullName = "Người dùng", role, cityCode = city, wardCode = ward, enterpriseId = id });
            await user.Expect(HttpStatusCode.Created);
        }
        var clerk = await SignInAsync(host, ClerkEmail);
        using var template = await clerk.Get("/api/v1/requests/template.xlsx");
        var file = Workbooks.Fill(await template.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), Enumerable.Range(0, people).Select(i => Workbooks.Person(i)));
        using var upload = await RequestTests.UploadAsync(clerk, enterprise, file);
        var request = await upload.Expect(HttpStatusCode.Created);
        var officer = await SignInAsync(host, OfficerEmail);
        using (var approve = await officer.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var entries = request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(people, entries.Count);
        return (enterprise, entries);
    }

    /// <summary>A client of <paramref name="host"/> signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(HostProcess host, string email)
    {
        var client = host.CreateClient();
        using var login = await client.PostJson("/api/v1/auth/login", new { email, password = PermitsHost.Password });
        return client.WithBearer((await login.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!);
    }

    /// <summary>A count read straight from the Hosts' database.</summary>
    public static async Task<long> ScalarAsync(DatabaseOptions database, string sql)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
