using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace TravelPermits.Accounts.Auth;

/// <summary>Identity's password and account errors in the caller's language.</summary>
internal sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = AccountsTexts.PasswordTooShort.Format(length.ToString(CultureInfo.InvariantCulture)).Resolve() };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = AccountsTexts.PasswordRequiresDigit.Resolve() };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = AccountsTexts.PasswordRequiresLower.Resolve() };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = AccountsTexts.PasswordRequiresUpper.Resolve() };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = AccountsTexts.PasswordRequiresUniqueChars.Format(uniqueChars.ToString(CultureInfo.InvariantCulture)).Resolve() };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = AccountsTexts.EmailTaken.Resolve() };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = AccountsTexts.EmailTaken.Resolve() };
}
