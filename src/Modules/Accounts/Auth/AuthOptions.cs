using System.ComponentModel.DataAnnotations;

namespace TravelPermits.Accounts.Auth;

/// <summary>
/// <c>Permits:Auth</c>: bearer token lifetimes, the lockout after failed sign-ins and the cache of decrypted tokens. A value out of
/// range (or not a number) stops the Host at start, naming its key.
/// </summary>
internal sealed class AuthOptions
{
    public const string Section = "Permits:Auth";

    [Range(1, 24 * 60, ErrorMessage = Section + ":AccessTokenMinutes must be between {1} and {2}.")]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 365, ErrorMessage = Section + ":RefreshTokenDays must be between {1} and {2}.")]
    public int RefreshTokenDays { get; set; } = 7;

    [Range(1, 100, ErrorMessage = Section + ":MaxFailedAttempts must be between {1} and {2}.")]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60, ErrorMessage = Section + ":LockoutMinutes must be between {1} and {2}.")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Bearer tokens whose decryption a Host remembers (<see cref="CachedTicketFormat"/>); 0 turns it off.</summary>
    [Range(0, 10_000_000, ErrorMessage = Section + ":TokenCacheSize must be between {1} and {2}.")]
    public int TokenCacheSize { get; set; } = 100_000;
}
