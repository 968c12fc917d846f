using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Accounts.Auth;

internal sealed record RefreshRequest(string RefreshToken);

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty();
}

/// <summary>
/// <c>POST /api/v1/auth/refresh</c>: a new token pair for a refresh token that has not expired and
/// whose user's security stamp is unchanged (a changed password or role ends old sessions).
/// </summary>
internal static class RefreshEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/refresh", Handle)
            .AllowAnonymous()
            .Validate<RefreshRequest>()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Authentication")
            .WithName("Refresh");

    private static async Task<SignInHttpResult> Handle(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            throw new ProblemException(StatusCodes.Status401Unauthorized, "invalid_refresh_token", AccountsTexts.InvalidRefreshToken);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
