using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

public abstract class AuthTests(PermitsHost host)
{
    [Fact]
    public async Task Login_returns_a_bearer_token_pair_that_identifies_the_user()
    {
        using var response = await host.Anonymous().PostJson("/api/v1/auth/login",
            new { email = PermitsHost.UserEmail("ward-officer", PermitsHost.WardCode), password = PermitsHost.Password });
        var tokens = await response.Expect(HttpStatusCode.OK);
        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.True(tokens.GetProperty("expiresIn").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));

        var client = host.Anonymous().WithBearer(tokens.GetProperty("accessToken").GetString()!);
        using var me = await client.Get("/api/v1/me");
        var body = await me.Expect(HttpStatusCode.OK);
        Assert.Equal("ward-officer", body.GetProperty("role").GetString());
        Assert.Equal(PermitsHost.WardCode, body.GetProperty("wardCode").GetString());
        Assert.Equal(PermitsHost.CityCode, body.GetProperty("cityCode").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_answer_alike()
    {
        using var wrong = await host.Anonymous().PostJson("/api/v1/auth/login",
            new { email = PermitsHost.UserEmail("checkpoint", PermitsHost.CityCode), password = "Wrong@Passw0rd" });
        var first = await wrong.ExpectProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        using var unknown = await host.Anonymous().PostJson("/api/v1/auth/login", new { email = "nobody@tests.local", password = "Wrong@Passw0rd" });
        var second = await unknown.ExpectProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var email = Http.Unique("lock") + "@tests.local";
        string id;
        using (var created = await host.TryCreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode))
        {
            id = (await created.Expect(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }
        for (var i = 0; i < 5; i++)
        {
            using var failed = await host.Anonymous().PostJson("/api/v1/auth/login", new { email, password = "Wrong@Passw0rd" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        using var locked = await host.Anonymous().PostJson("/api/v1/auth/login", new { email, password = PermitsHost.Password });
        await locked.ExpectProblem(HttpStatusCode.Unauthorized, "locked_out");

        // The failure that locked the account is audited, once.
        var admin = await host.AsAsync("admin");
        using var audit = await admin.Get($"/api/v1/audit?entityType=user&entityId={id}");
        var actions = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "user.locked_out");
    }

    [Fact]
    public async Task Refresh_gives_a_new_working_token_and_refuses_garbage()
    {
        using var login = await host.Anonymous().PostJson("/api/v1/auth/login",
            new { email = PermitsHost.UserEmail("approver", PermitsHost.CityCode), password = PermitsHost.Password });
        var tokens = await login.Expect(HttpStatusCode.OK);

        using var refreshed = await host.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        var renewed = await refreshed.Expect(HttpStatusCode.OK);
        using var me = await host.Anonymous().WithBearer(renewed.GetProperty("accessToken").GetString()!).Get("/api/v1/me");
        Assert.Equal("approver", (await me.Expect(HttpStatusCode.OK)).GetProperty("role").GetString());

        using var garbage = await host.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        await garbage.ExpectProblem(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task A_forged_bearer_token_is_a_401()
    {
        using var response = await host.Anonymous().WithBearer("CfDJ8forged").Get("/api/v1/me");
        await response.ExpectProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuthTestsOnSqlite(SqliteHost host) : AuthTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class AuthTestsOnPostgres(PostgresHost host) : AuthTests(host);
