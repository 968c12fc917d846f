using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Accounts.Auth;

/// <summary>
/// Sign-in with email and password for a bearer token pair. Repeated failures lock the account for a
/// while (Identity's lockout); an unknown email and a wrong password answer alike, and cost alike.
/// </summary>
internal sealed class PasswordSignIn(
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    UnknownAccountPassword unknownAccount,
    AccountsDbContext db,
    TimeProvider time)
{
    /// <summary>
    /// On success the bearer handler has written the token pair to the response (or the cookie handler its cookie); otherwise throws the
    /// 401 problem (<c>invalid_credentials</c> or <c>locked_out</c>).
    /// </summary>
    public async Task SignInAsync(string email, string password, IPAddress? from, CancellationToken ct) =>
        await SignInAsync(IdentityConstants.BearerScheme, email, password, from, ct);

    /// <summary>The same checks, signing in with <paramref name="scheme"/>: the bearer token pair or the web cookie.</summary>
    public async Task SignInAsync(string scheme, string email, string password, IPAddress? from, CancellationToken ct)
    {
        signIn.AuthenticationScheme = scheme;
        // Looked up once: the sign-in takes the user found, and the lockout state before it is known.
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The password check a real account would have had: without it the answer comes in a
            // fraction of the time and tells that no account has this email (issue 12).
            unknownAccount.Verify(hasher, password);
            throw InvalidCredentials();
        }
        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return;
        }
        if (result.IsLockedOut && !wasLocked)
        {
            // This failure locked the account: a change of the account, audited (the failures before it are not).
            db.Audit(Actor.Anonymous, "user.locked_out", "user", user.Id.ToString(), time.GetUtcNow(),
                new { user.Email, until = user.LockoutEnd, from = from?.ToString() }, user.CityCode, user.WardCode);
            await db.SaveChangesAsync(ct);
        }
        throw result.IsLockedOut
            ? new ProblemException(StatusCodes.Status401Unauthorized, "locked_out", AccountsTexts.LockedOut)
            : InvalidCredentials();
    }

    private static ProblemException InvalidCredentials() =>
        new(StatusCodes.Status401Unauthorized, "invalid_credentials", AccountsTexts.InvalidCredentials);
}
