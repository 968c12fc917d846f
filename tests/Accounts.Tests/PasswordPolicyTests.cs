using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Security;
using TravelPermits.Tests;
using Xunit;

namespace TravelPermits.Accounts.Tests;

/// <summary>The password rules the module configures in Identity, and the words they fail with.</summary>
public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_module_asks_for_ten_characters_five_distinct_with_digit_lower_and_upper()
    {
        using var services = ModuleServices.Build();
        using var scope = services.CreateScope();
        var password = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Options.Password;
        Assert.Equal(10, password.RequiredLength);
        Assert.Equal(5, password.RequiredUniqueChars);
        Assert.True(password.RequireDigit);
        Assert.True(password.RequireLowercase);
        Assert.True(password.RequireUppercase);
        Assert.False(password.RequireNonAlphanumeric);
    }

    [Fact]
    public void The_module_uses_the_localized_error_describer()
    {
        using var services = ModuleServices.Build();
        using var scope = services.CreateScope();
        Assert.IsType<LocalizedIdentityErrors>(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().ErrorDescriber);
    }

    [Theory]
    [InlineData("Giay-Phep-2021")]
    [InlineData("DaNang2021x")]
    [InlineData("Mậtkhẩu2021")]
    [InlineData("abcdE12345")]
    public async Task A_strong_enough_password_is_accepted(string password) =>
        Assert.Empty(await Errors(password, Cultures.Vietnamese));

    [Theory]
    [InlineData("Da1nang", "PasswordTooShort")]
    [InlineData("danang2021x", "PasswordRequiresUpper")]
    [InlineData("DANANG2021X", "PasswordRequiresLower")]
    [InlineData("DaNangHaNoi", "PasswordRequiresDigit")]
    [InlineData("Aa1Aa1Aa1Aa1", "PasswordRequiresUniqueChars")]
    [InlineData("aaaaaaa", "PasswordTooShort PasswordRequiresDigit PasswordRequiresUpper PasswordRequiresUniqueChars")]
    public async Task A_weak_password_is_refused_with_every_rule_it_breaks(string password, string codes)
    {
        var errors = await Errors(password, Cultures.Vietnamese);
        Assert.Equal(codes.Split(' ').Order(StringComparer.Ordinal), errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_refusal_of_the_policy_is_worded_in_the_callers_language()
    {
        // A password that breaks every rule the module switches on: each message must come from
        // AccountsTexts, not Identity's built-in English.
        const string password = "!!!!";
        var vietnamese = await Errors(password, Cultures.Vietnamese);
        var english = await Errors(password, Cultures.English);

        Assert.Equal(
            ["Mật khẩu phải có ít nhất 10 ký tự.", AccountsTexts.PasswordRequiresDigit.Vi, AccountsTexts.PasswordRequiresLower.Vi,
                AccountsTexts.PasswordRequiresUpper.Vi, "Mật khẩu phải có ít nhất 5 ký tự khác nhau."],
            vietnamese.Select(e => e.Description));
        Assert.Equal(
            ["The password must have at least 10 characters.", AccountsTexts.PasswordRequiresDigit.En, AccountsTexts.PasswordRequiresLower.En,
                AccountsTexts.PasswordRequiresUpper.En, "The password must use at least 5 different characters."],
            english.Select(e => e.Description));
    }

    private static async Task<IdentityError[]> Errors(string password, CultureInfo culture)
    {
        using var services = ModuleServices.Build();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = ModuleServices.User(Roles.Admin);
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            // The describer reads the culture when it builds a message, inside ValidateAsync.
            errors.AddRange((await CultureScope.UnderAsync(culture, () => validator.ValidateAsync(users, user, password))).Errors);
        }
        return [.. errors];
    }
}
