using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

/// <summary><c>POST /api/v1/auth/login</c>: a bearer token pair for email and password (<see cref="PasswordSignIn"/>).</summary>
internal sealed class LoginEndpoint(PasswordSignIn signIn) : Endpoint<LoginRequest>
{
    public override void Configure()
    {
        Post("auth/login");
        Group<AccountsApi>();
        AllowAnonymous();
        Description(route => route
            .WithTags("Authentication")
            .WithName("Login")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized));
    }

    public override async Task HandleAsync(LoginRequest request, CancellationToken ct)
    {
        await signIn.SignInAsync(request.Email, request.Password, HttpContext.Connection.RemoteIpAddress, ct);
        // The bearer handler has written the token pair: nothing is added to it.
        await Send.ResultAsync(TypedResults.Empty);
    }
}
