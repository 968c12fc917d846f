using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Accounts.Auth;

/// <summary>
/// Renews a session: a refresh token that has not expired, whose user's security stamp is unchanged
/// (a changed password or role ends old sessions), gives the principal of a new token pair.
/// </summary>
internal sealed class TokenRefresh(SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
{
    /// <summary>The user's principal as of now; a 401 <c>invalid_refresh_token</c> problem otherwise.</summary>
    public async Task<ClaimsPrincipal> RenewAsync(string refreshToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            throw new ProblemException(StatusCodes.Status401Unauthorized, "invalid_refresh_token", AccountsTexts.InvalidRefreshToken);
        }
        return await signIn.CreateUserPrincipalAsync(user);
    }
}
