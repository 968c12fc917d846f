using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Validation;

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
/// contact) sets the password with the token from the invitation email.
/// </summary>
internal static class SetPasswordEndpoint
{
    private static readonly LocalizedText InvalidToken = new(
        "Mã đặt mật khẩu không hợp lệ hoặc đã hết hạn.", "The password token is not valid or has expired.");

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/auth/set-password", Handle)
            .AllowAnonymous()
            .Validate<SetPasswordRequest>()
            .WithTags("Authentication")
            .WithName("SetPassword");

    private static async Task<NoContent> Handle(SetPasswordRequest request, UserManager<AppUser> users)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim())
            ?? throw new ProblemException(StatusCodes.Status400BadRequest, "invalid_token", InvalidToken);
        var result = await users.ResetPasswordAsync(user, request.Token, request.Password);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, "invalid_token", InvalidToken);
        }
        var messages = result.Errors.Select(e => e.Description).ToArray();
        throw new ProblemException(StatusCodes.Status400BadRequest, "validation_failed",
            new LocalizedText(string.Join(' ', messages), string.Join(' ', messages)),
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["password"] = messages } });
    }
}
