using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TravelPermits.Accounts.Auth;

/// <summary>
/// Remembers the bearer tokens this Host has already decrypted, so that a checkpoint that scans all
/// day pays Data Protection's decryption once per token rather than once per scan. Only the
/// decryption is remembered: the bearer handler still checks each ticket's expiry at every request,
/// and an entry leaves the cache when its token expires. Issuing tokens is not affected.
/// </summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, MemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }
        if (cache.TryGetValue(protectedText, out AuthenticationTicket? known))
        {
            return known;
        }
        var ticket = inner.Unprotect(protectedText);
        // A token that does not decrypt is not remembered: a forged token costs its decryption each time.
        if (ticket?.Properties.ExpiresUtc is { } expires)
        {
            cache.Set(protectedText, ticket, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });
        }
        return ticket;
    }
}

/// <summary>Wraps the bearer scheme's token format, once Identity has configured it, in <see cref="CachedTicketFormat"/>.</summary>
internal sealed class CacheBearerTickets(IOptions<AuthOptions> settings) : IPostConfigureOptions<BearerTokenOptions>, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.Value.TokenCacheSize) });

    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (settings.Value.TokenCacheSize > 0 && options.BearerTokenProtector is { } format and not CachedTicketFormat)
        {
            options.BearerTokenProtector = new CachedTicketFormat(format, _cache);
        }
    }

    public void Dispose() => _cache.Dispose();
}
