using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>A bearer token this Host has already decrypted and accepted is still refused once it has expired.</summary>
public abstract class BearerTokenTests(PermitsHost host)
{
    [Fact]
    public async Task A_token_used_before_is_refused_after_its_expiry()
    {
        using var login = await host.Anonymous().PostJson("/api/v1/auth/login", new { email = PermitsHost.AdminEmail, password = PermitsHost.Password });
        var token = (await login.Expect(HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
        var client = host.Anonymous().WithBearer(token);
        for (var i = 0; i < 3; i++)
        {
            using var me = await client.Get("/api/v1/me");
            await me.Expect(HttpStatusCode.OK);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(61)); // AccessTokenMinutes is 60
        try
        {
            using var expired = await client.Get("/api/v1/me");
            await expired.ExpectProblem(HttpStatusCode.Unauthorized, "unauthorized");
        }
        finally
        {
            host.ForgetSignIns(); // the tokens kept for other tests have expired too
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class BearerTokenTestsOnSqlite(SqliteHost host) : BearerTokenTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class BearerTokenTestsOnPostgres(PostgresHost host) : BearerTokenTests(host);
