using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Auth;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.Tests;
using Xunit;

namespace TravelPermits.Accounts.Tests;

public sealed class LocalizedIdentityErrorsTests
{
    private static readonly LocalizedIdentityErrors Errors = new();

    public static TheoryData<string> NotEnglish => ["vi", "vi-VN", "", "fr-FR"];

    public static TheoryData<string> English => ["en", "en-US", "en-GB"];

    [Theory]
    [MemberData(nameof(NotEnglish))]
    public void Identity_errors_are_in_vietnamese_unless_english_is_asked_for(string culture)
    {
        var errors = CultureScope.Under(CultureInfo.GetCultureInfo(culture), All);
        Assert.Equal(
        [
            ("PasswordTooShort", "Mật khẩu phải có ít nhất 10 ký tự."),
            ("PasswordRequiresDigit", AccountsTexts.PasswordRequiresDigit.Vi),
            ("PasswordRequiresLower", AccountsTexts.PasswordRequiresLower.Vi),
            ("PasswordRequiresUpper", AccountsTexts.PasswordRequiresUpper.Vi),
            ("PasswordRequiresUniqueChars", "Mật khẩu phải có ít nhất 5 ký tự khác nhau."),
            ("DuplicateEmail", AccountsTexts.EmailTaken.Vi),
            ("DuplicateUserName", AccountsTexts.EmailTaken.Vi),
        ], errors);
    }

    [Theory]
    [MemberData(nameof(English))]
    public void Identity_errors_are_in_english_under_an_english_culture(string culture)
    {
        var errors = CultureScope.Under(CultureInfo.GetCultureInfo(culture), All);
        Assert.Equal(
        [
            ("PasswordTooShort", "The password must have at least 10 characters."),
            ("PasswordRequiresDigit", AccountsTexts.PasswordRequiresDigit.En),
            ("PasswordRequiresLower", AccountsTexts.PasswordRequiresLower.En),
            ("PasswordRequiresUpper", AccountsTexts.PasswordRequiresUpper.En),
            ("PasswordRequiresUniqueChars", "The password must use at least 5 different characters."),
            ("DuplicateEmail", AccountsTexts.EmailTaken.En),
            ("DuplicateUserName", AccountsTexts.EmailTaken.En),
        ], errors);
    }

    [Fact]
    public void The_codes_are_identitys_own_so_clients_can_match_on_them()
    {
        var standard = new IdentityErrorDescriber();
        Assert.Equal(standard.PasswordTooShort(10).Code, Errors.PasswordTooShort(10).Code);
        Assert.Equal(standard.PasswordRequiresDigit().Code, Errors.PasswordRequiresDigit().Code);
        Assert.Equal(standard.PasswordRequiresLower().Code, Errors.PasswordRequiresLower().Code);
        Assert.Equal(standard.PasswordRequiresUpper().Code, Errors.PasswordRequiresUpper().Code);
        Assert.Equal(standard.PasswordRequiresUniqueChars(5).Code, Errors.PasswordRequiresUniqueChars(5).Code);
        Assert.Equal(standard.DuplicateEmail("a@cty.vn").Code, Errors.DuplicateEmail("a@cty.vn").Code);
        Assert.Equal(standard.DuplicateUserName("a@cty.vn").Code, Errors.DuplicateUserName("a@cty.vn").Code);
    }

    [Fact]
    public void A_taken_email_is_not_repeated_back()
    {
        foreach (var culture in new[] { Cultures.Vietnamese, Cultures.English })
        {
            var (email, name) = CultureScope.Under(culture, () => (Errors.DuplicateEmail("giam.doc@cty.vn"), Errors.DuplicateUserName("giam.doc@cty.vn")));
            Assert.DoesNotContain("giam.doc", email.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("giam.doc", name.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Numbers_in_messages_are_not_formatted_by_the_culture()
    {
        var description = CultureScope.Under(CultureInfo.GetCultureInfo("vi-VN"), () => Errors.PasswordTooShort(1000).Description);
        Assert.Equal("Mật khẩu phải có ít nhất 1000 ký tự.", description);
    }

    private static (string Code, string Description)[] All() =>
    [
        .. new[]
        {
            Errors.PasswordTooShort(10), Errors.PasswordRequiresDigit(), Errors.PasswordRequiresLower(), Errors.PasswordRequiresUpper(),
            Errors.PasswordRequiresUniqueChars(5), Errors.DuplicateEmail("a@cty.vn"), Errors.DuplicateUserName("a@cty.vn"),
        }.Select(e => (e.Code, e.Description)),
    ];
}
