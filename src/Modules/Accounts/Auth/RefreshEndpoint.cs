using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace TravelPermits.Accounts.Auth;

internal sealed record RefreshRequest(string RefreshToken);

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty();
}

/// <summary><c>POST /api/v1/auth/refresh</c>: a new token pair for a valid refresh token (<see cref="TokenRefresh"/>).</summary>
internal sealed class RefreshEndpoint(TokenRefresh refresh) : Endpoint<RefreshRequest>
{
    public override void Configure()
    {
        Post("auth/refresh");
        Group<AccountsApi>();
        AllowAnonymous();
        Description(route => route
            .WithTags("Authentication")
            .WithName("Refresh")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized));
    }

    public override async Task HandleAsync(RefreshRequest request, CancellationToken ct)
    {
        var principal = await refresh.RenewAsync(request.RefreshToken);
        // The bearer handler writes the new token pair.
        await Send.ResultAsync(TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme));
    }
}
