using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Every endpoint against every role (and anonymous): 401 without a token, 403 for a role that
/// may not, otherwise the endpoint's own answer. Bodies are deliberately invalid where the call
/// would change something, so that an allowed role gets 400 and nothing changes.
/// </summary>
public abstract class AccessTests(PermitsHost host)
{
    public const string Anonymous = "anonymous";

    public static readonly string[] AllRoles = ["admin", "approver", "ward-officer", "area-police", "ward-police", "enterprise", "checkpoint", Anonymous];

    private static readonly string[] EnterpriseReaders = ["admin", "approver", "ward-officer", "area-police", "ward-police", "enterprise"];

    private static readonly (string Method, string Path, string? Body, Dictionary<string, HttpStatusCode> Allowed)[] Endpoints =
    [
        ("GET", "/api/v1/me", null, AllSignedIn(HttpStatusCode.OK)),
        ("GET", "/api/v1/wards?cityCode=48", null, Everyone(HttpStatusCode.OK)),
        ("POST", "/api/v1/auth/login", "{}", Everyone(HttpStatusCode.BadRequest)),
        ("POST", "/api/v1/auth/refresh", "{}", Everyone(HttpStatusCode.BadRequest)),
        ("POST", "/api/v1/admin/geo/import", "{\"data\":[]}", Only(HttpStatusCode.BadRequest, "admin")),
        ("POST", "/api/v1/users", "{}", Only(HttpStatusCode.BadRequest, "admin")),
        ("GET", "/api/v1/users", null, Only(HttpStatusCode.OK, "admin")),
        ("GET", $"/api/v1/users/{Guid.Empty}", null, Only(HttpStatusCode.NotFound, "admin")),
        ("GET", "/api/v1/audit", null, Only(HttpStatusCode.OK, "admin", "approver")),
        ("GET", "/api/v1/admin/outbox?status=failed", null, Only(HttpStatusCode.OK, "admin")),
        ("GET", "/api/v1/admin/cluster", null, Only(HttpStatusCode.OK, "admin")),
        ("GET", "/api/v1/stats", null, Only(HttpStatusCode.OK, EnterpriseReaders)),
        ("POST", "/api/v1/auth/set-password", "{}", Everyone(HttpStatusCode.BadRequest)),
        ("POST", "/api/v1/enterprises", "{}", Only(HttpStatusCode.BadRequest, "admin", "approver", "ward-officer", "area-police")),
        ("POST", "/api/v1/enterprises/registrations", "{}", Everyone(HttpStatusCode.BadRequest)),
        ("GET", "/api/v1/enterprises", null, Only(HttpStatusCode.OK, EnterpriseReaders)),
        ("GET", "/api/v1/enterprises/{enterprise}", null, Only(HttpStatusCode.OK, EnterpriseReaders)),
        ("POST", "/api/v1/enterprises/{enterprise}/activate", "{}", Only(HttpStatusCode.Conflict, "approver", "ward-officer")),
        ("POST", "/api/v1/enterprises/{enterprise}/reject", "{}", Only(HttpStatusCode.BadRequest, "approver", "ward-officer")),
        ("PUT", "/api/v1/enterprises/{enterprise}/quota", "{}", Only(HttpStatusCode.BadRequest, "approver", "ward-officer")),
        ("PUT", "/api/v1/wards/20227/policy", "{}", Only(HttpStatusCode.BadRequest, "admin", "approver")),
        ("GET", "/api/v1/wards/20227/policy", null, AllSignedIn(HttpStatusCode.OK)),
        ("PUT", "/api/v1/wards/20227/level", "{}", Only(HttpStatusCode.BadRequest, "admin", "approver")),
        ("GET", "/api/v1/wards/20227/levels", null, Only(HttpStatusCode.OK, "admin", "approver", "checkpoint", "ward-officer", "area-police", "ward-police")),
        ("PUT", "/api/v1/cities/48/policy", "{\"defaultRatioPercent\":-1}", Only(HttpStatusCode.BadRequest, "admin", "approver")),
        ("GET", "/api/v1/cities/48/policy", null, AllSignedIn(HttpStatusCode.OK)),
        ("GET", "/api/v1/requests/template.xlsx", null, Everyone(HttpStatusCode.OK)),
        ("POST", "/api/v1/enterprises/{enterprise}/requests", "{}", Only(HttpStatusCode.UnsupportedMediaType, "enterprise", "ward-officer")),
        ("GET", "/api/v1/requests", null, Only(HttpStatusCode.OK, EnterpriseReaders)),
        ("GET", $"/api/v1/requests/{Guid.Empty}", null, Only(HttpStatusCode.NotFound, EnterpriseReaders)),
        ("GET", $"/api/v1/requests/{Guid.Empty}/file", null, Only(HttpStatusCode.NotFound, EnterpriseReaders)),
        ("POST", $"/api/v1/requests/{Guid.Empty}/verify", "{}", Only(HttpStatusCode.NotFound, "area-police")),
        ("POST", $"/api/v1/requests/{Guid.Empty}/approve", "{}", Only(HttpStatusCode.NotFound, "approver", "ward-officer")),
        ("POST", $"/api/v1/requests/{Guid.Empty}/reject", "{}", Only(HttpStatusCode.BadRequest, "approver", "ward-officer")),
        ("POST", "/api/v1/applications", "{}", Only(HttpStatusCode.BadRequest, "area-police")),
        ("GET", "/api/v1/applications", null, Only(HttpStatusCode.OK, "admin", "approver", "ward-officer", "area-police", "ward-police")),
        ("GET", $"/api/v1/applications/{Guid.Empty}", null, Only(HttpStatusCode.NotFound, "admin", "approver", "ward-officer", "area-police", "ward-police")),
        ("POST", $"/api/v1/applications/{Guid.Empty}/approve", "{}", Only(HttpStatusCode.NotFound, "approver", "ward-officer")),
        ("POST", $"/api/v1/applications/{Guid.Empty}/reject", "{}", Only(HttpStatusCode.BadRequest, "approver", "ward-officer")),
        ("POST", "/api/v1/enterprises/{enterprise}/permits", "{}", Only(HttpStatusCode.BadRequest, "enterprise")),
        ("GET", "/api/v1/enterprises/{enterprise}/permits", null, Only(HttpStatusCode.OK, EnterpriseReaders)),
        ("GET", $"/api/v1/permits/{Guid.Empty}", null, Only(HttpStatusCode.NotFound, EnterpriseReaders)),
        ("GET", $"/api/v1/permits/{Guid.Empty}/qr.png", null, Only(HttpStatusCode.NotFound, EnterpriseReaders)),
        ("GET", $"/api/v1/permits/{Guid.Empty}/qr.svg", null, Only(HttpStatusCode.NotFound, EnterpriseReaders)),
        ("POST", $"/api/v1/permits/{Guid.Empty}/stamp", "{}", Only(HttpStatusCode.NotFound, "ward-police")),
        ("GET", "/api/v1/permits/awaiting-stamp", null, Only(HttpStatusCode.OK, "ward-police")),
        ("POST", "/api/v1/permits/revoke", "{}", Only(HttpStatusCode.BadRequest, "enterprise", "approver", "ward-officer")),
        ("GET", "/api/v1/verify/keys", null, Everyone(HttpStatusCode.OK)),
        ("GET", "/api/v1/verify/revocations", null, Everyone(HttpStatusCode.OK)),
        ("GET", "/api/v1/verify/NOTATOKEN", null, Everyone(HttpStatusCode.OK)),
        ("GET", "/v/NOTATOKEN", null, Everyone(HttpStatusCode.OK)),
        ("POST", "/api/v1/admin/keys/rotate", "{}", Only(HttpStatusCode.OK, "admin")),
        ("POST", "/api/v1/enterprises/{enterprise}/permits/clear", "{}", Only(HttpStatusCode.BadRequest, "approver")),
        ("GET", "/api/v1/periods", null, AllSignedIn(HttpStatusCode.OK)),
        ("POST", "/api/v1/periods", "{}", Only(HttpStatusCode.BadRequest, "admin", "approver")),
        ("POST", $"/api/v1/periods/{Guid.Empty}/rollover", "{}", Only(HttpStatusCode.BadRequest, "admin", "approver")),
        ("POST", "/api/v1/permits/print", "{}", Only(HttpStatusCode.BadRequest, "enterprise", "ward-officer", "ward-police", "approver")),
    ];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Endpoints.Length; i++)
        {
            foreach (var role in AllRoles)
            {
                data.Add(i, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_what_its_role_allows(int endpoint, string role)
    {
        var (method, path, body, allowed) = Endpoints[endpoint];
        var client = role == Anonymous ? host.Anonymous() : await host.AsAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{enterprise}", host.EnterpriseId.ToString(), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var expected = allowed.TryGetValue(role, out var status) ? status
            : role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await response.ExpectProblem(expected, expected == HttpStatusCode.Unauthorized ? "unauthorized" : "forbidden");
        }
        else
        {
            await response.Expect(expected);
        }
    }

    [Fact]
    public async Task An_approver_sees_the_audit_of_their_city_only()
    {
        var email = Http.Unique("hanoi") + "@tests.local";
        await host.CreateUserAsync(email, "area-police", ward: PermitsHost.OtherCityWard);
        var admin = await host.AsAsync("admin");
        using var all = await admin.Get($"/api/v1/users?wardCode={PermitsHost.OtherCityWard}");
        var id = (await all.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString();

        var daNang = await host.AsAsync("approver");
        using var hidden = await daNang.Get($"/api/v1/audit?entityType=user&entityId={id}");
        Assert.Empty((await hidden.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        var haNoi = await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode));
        using var shown = await haNoi.Get($"/api/v1/audit?entityType=user&entityId={id}");
        Assert.Single((await shown.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    private static Dictionary<string, HttpStatusCode> Everyone(HttpStatusCode status) => AllRoles.ToDictionary(r => r, _ => status);

    private static Dictionary<string, HttpStatusCode> AllSignedIn(HttpStatusCode status) =>
        AllRoles.Where(r => r != Anonymous).ToDictionary(r => r, _ => status);

    private static Dictionary<string, HttpStatusCode> Only(HttpStatusCode status, params string[] roles) => roles.ToDictionary(r => r, _ => status);
}

[Collection(nameof(SqliteCollection))]
public sealed class AccessTestsOnSqlite(SqliteHost host) : AccessTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class AccessTestsOnPostgres(PostgresHost host) : AccessTests(host);
