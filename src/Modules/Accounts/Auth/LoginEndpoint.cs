using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Audit;
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

    private static async Task<EmptyHttpResult> Handle(
        LoginRequest request, SignInManager<AppUser> signIn, AccountsDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        // Looked up once: the sign-in takes the user found, and the lockout state before it is known.
        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim())
            ?? throw new ProblemException(StatusCodes.Status401Unauthorized, "invalid_credentials", AccountsTexts.InvalidCredentials);
        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }
        if (result.IsLockedOut && !wasLocked)
        {
            // This failure locked the account: a change of the account, audited (the failures before it are not).
            db.Audit(Actor.Anonymous, "user.locked_out", "user", user.Id.ToString(), time.GetUtcNow(),
                new { user.Email, until = user.LockoutEnd, from = http.Connection.RemoteIpAddress?.ToString() }, user.CityCode, user.WardCode);
            await db.SaveChangesAsync(ct);
        }
        throw result.IsLockedOut
            ? new ProblemException(StatusCodes.Status401Unauthorized, "locked_out", AccountsTexts.LockedOut)
            : new ProblemException(StatusCodes.Status401Unauthorized, "invalid_credentials", AccountsTexts.InvalidCredentials);
    }
}
