using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Accounts.Auth;

/// <summary>Sets the password of an invited account (an enterprise's contact) with the token from the invitation email.</summary>
internal sealed class PasswordReset(UserManager<AppUser> users)
{
    private static readonly LocalizedText InvalidToken = new(
        "Mã đặt mật khẩu không hợp lệ hoặc đã hết hạn.", "The password token is not valid or has expired.");

    /// <summary>
    /// A 400 <c>invalid_token</c> problem for an unknown email or a wrong or expired token, and
    /// <c>validation_failed</c> (under <c>password</c>) for a password the policy refuses.
    /// </summary>
    public async Task SetAsync(string email, string token, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim())
            ?? throw new ProblemException(StatusCodes.Status400BadRequest, "invalid_token", InvalidToken);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            return;
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
