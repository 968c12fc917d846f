using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Accounts.Auth;

internal sealed record LoginRequest(string Email, string Password);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

/// <summary>
/// <c>POST /api/v1/auth/login</c>: a bearer token for email and password. Repeated failures lock
/// the account for a while (Identity's lockout); unknown emails and wrong passwords answer alike.
/// </summary>
internal static class LoginEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/login", Handle)
            .AllowAnonymous()
            .Validate<LoginRequest>()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Authentication")
            .WithName("Login");

    private static async Task<EmptyHttpResult> Handle(LoginRequest request, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }
        throw result.IsLockedOut
            ? new ProblemException(StatusCodes.Status401Unauthorized, "locked_out", AccountsTexts.LockedOut)
            : new ProblemException(StatusCodes.Status401Unauthorized, "invalid_credentials", AccountsTexts.InvalidCredentials);
    }
}
