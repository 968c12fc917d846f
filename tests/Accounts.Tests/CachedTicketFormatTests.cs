using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Auth;
using Xunit;

namespace TravelPermits.Accounts.Tests;

/// <summary>A bearer token is decrypted once per Host, not once per request; a forged one every time.</summary>
public sealed class CachedTicketFormatTests
{
    [Fact]
    public void A_token_seen_before_is_not_decrypted_again()
    {
        var inner = new CountingFormat();
        using var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 10 });
        var format = new CachedTicketFormat(inner, cache);

        var first = format.Unprotect("token-a");
        var second = format.Unprotect("token-a");

        Assert.Same(first, second);
        Assert.Equal(1, inner.Unprotected);
        Assert.NotNull(format.Unprotect("token-b"));
        Assert.Equal(2, inner.Unprotected);
    }

    [Fact]
    public void A_token_that_does_not_decrypt_is_tried_every_time_and_refused()
    {
        var inner = new CountingFormat();
        using var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 10 });
        var format = new CachedTicketFormat(inner, cache);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Equal(2, inner.Unprotected);
    }

    [Fact]
    public void The_module_puts_the_cache_in_front_of_the_bearer_tokens_and_can_turn_it_off()
    {
        using (var services = ModuleServices.Build())
        {
            Assert.IsType<CachedTicketFormat>(BearerFormat(services));
        }
        using var without = ModuleServices.Build(new Dictionary<string, string?> { ["Permits:Auth:TokenCacheSize"] = "0" });
        Assert.IsNotType<CachedTicketFormat>(BearerFormat(without));
    }

    private static ISecureDataFormat<AuthenticationTicket> BearerFormat(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;

    /// <summary>Knows every token but one called "forged", and counts the decryptions.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            if (protectedText == "forged")
            {
                return null;
            }
            var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
            return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, protectedText!)], "test")), properties, "Bearer");
        }
    }
}
