using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Accounts.Auth;

internal sealed record SetPasswordRequest(string Email, string Token, string Password);

internal sealed class SetPasswordRequestValidator : AbstractValidator<SetPasswordRequest>
{
    public SetPasswordRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Token).NotEmpty().MaximumLength(2048);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
    }
}

/// <summary>
/// <c>POST /api/v1/auth/set-password</c>: the owner of an invited account (an enterprise's
/// contact) sets the password with the token from the invitation email (<see cref="PasswordReset"/>).
/// </summary>
internal sealed class SetPasswordEndpoint(PasswordReset reset) : Endpoint<SetPasswordRequest>
{
    public override void Configure()
    {
        Post("auth/set-password");
        Group<AccountsApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Authentication").WithName("SetPassword"));
    }

    public override async Task HandleAsync(SetPasswordRequest request, CancellationToken ct)
    {
        await reset.SetAsync(request.Email, request.Token, request.Password);
        await Send.ResultAsync(TypedResults.NoContent());
    }
}
