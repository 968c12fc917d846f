using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Accounts.Auth;

/// <summary>Puts the user's role and scope into the token, so that every request knows them without a lookup.</summary>
internal sealed class ScopeClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        if (user.CityCode is { } city)
        {
            identity.AddClaim(new Claim(ScopeClaims.CityCode, city));
        }
        if (user.WardCode is { } ward)
        {
            identity.AddClaim(new Claim(ScopeClaims.WardCode, ward));
        }
        if (user.EnterpriseId is { } enterprise)
        {
            identity.AddClaim(new Claim(ScopeClaims.EnterpriseId, enterprise.ToString()));
        }
        return identity;
    }
}
