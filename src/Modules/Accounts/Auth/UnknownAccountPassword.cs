using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Persistence;

namespace TravelPermits.Accounts.Auth;

/// <summary>
/// A password hash that belongs to no account, made once by the Host's own password hasher (so with
/// its algorithm and iteration count). A sign-in with an unknown email checks the password against it:
/// that costs what a wrong password for a real account costs, so the time of the answer does not tell
/// which emails have accounts.
/// </summary>
internal sealed class UnknownAccountPassword
{
    private static readonly AppUser Nobody = new() { FullName = "", Role = "" };
    private string? _hash;

    /// <summary>One verification of <paramref name="password"/> against the hash of no account; it never matches.</summary>
    public void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        // Made on first need rather than at start: the hasher is a scoped service.
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
