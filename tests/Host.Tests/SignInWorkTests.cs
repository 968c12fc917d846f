using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// A sign-in with an unknown email does the work a wrong password does (issue 12): one password hash
/// verification each, so the time of the answer does not tell which emails have accounts. The time
/// itself is measured by the benchmarks, not here; the work is counted by the Host's own hasher.
/// </summary>
public abstract class SignInWorkTests(PermitsHost host)
{
    [Fact]
    public async Task An_unknown_email_costs_the_one_password_check_of_a_wrong_password()
    {
        var email = Http.Unique("work") + "@tests.local";
        await host.CreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        var checks = new Verifications();
        await using var counted = host.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(sp => new CountingHasher(
                new PasswordHasher<AppUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), checks))));
        var client = counted.CreateClient();

        using (var wrong = await client.PostJson("/api/v1/auth/login", new { email, password = "Wrong@Passw0rd" }))
        {
            await wrong.ExpectProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        Assert.Equal(1, checks.Take());

        // Twice: the first one also makes the hash it checks against; each checks once.
        for (var i = 0; i < 2; i++)
        {
            using var unknown = await client.PostJson("/api/v1/auth/login",
                new { email = Http.Unique("nobody") + "@tests.local", password = "Wrong@Passw0rd" });
            await unknown.ExpectProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
            Assert.Equal(1, checks.Take());
        }
    }

    private sealed class Verifications
    {
        private int _count;

        public void Add() => Interlocked.Increment(ref _count);

        /// <summary>The verifications since the last call.</summary>
        public int Take() => Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>The Host's hasher, counting its verifications.</summary>
    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, Verifications verifications) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            verifications.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class SignInWorkTestsOnSqlite(SqliteHost host) : SignInWorkTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class SignInWorkTestsOnPostgres(PostgresHost host) : SignInWorkTests(host);
