using System.Globalization;
using FluentValidation.Results;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;
using TravelPermits.Tests;
using Xunit;

namespace TravelPermits.Accounts.Tests;

public sealed class CreateUserRequestValidatorTests
{
    private static readonly CreateUserRequestValidator Validator = new();
    private static readonly Guid SomeEnterprise = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>Each of the seven roles with exactly the scope it needs.</summary>
    public static TheoryData<string> AllRoles => [.. Roles.All];

    /// <summary>Every role paired with each scope field it does not take.</summary>
    public static TheoryData<string, string> ScopesARoleDoesNotTake
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var role in Roles.All)
            {
                foreach (var scope in new[] { "CityCode", "WardCode", "EnterpriseId" }.Where(f => f != ScopeOf(role)))
                {
                    data.Add(role, scope);
                }
            }
            return data;
        }
    }

    [Fact]
    public void There_are_seven_roles_each_with_at_most_one_scope()
    {
        Assert.Equal(7, Roles.All.Count);
        Assert.Equal(["admin", "approver", "ward-officer", "area-police", "ward-police", "enterprise", "checkpoint"], Roles.All);
        Assert.Empty(Roles.CityScoped.Intersect(Roles.WardScoped));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Each_role_with_the_scope_it_needs_is_accepted(string role)
    {
        var result = Validator.Validate(For(role));
        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("ADMIN")]
    [InlineData(" admin")]
    [InlineData("ward_officer")]
    [InlineData("police")]
    public void A_role_outside_the_seven_is_refused(string role)
    {
        var result = CultureScope.Under(Cultures.English, () => Validator.Validate(For(Roles.Admin) with { Role = role }));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Role", error.PropertyName);
        Assert.Equal(AccountsTexts.UnknownRole.En, error.ErrorMessage);
    }

    [Fact]
    public void An_unknown_role_is_reported_alone_whatever_scope_came_with_it()
    {
        var request = new CreateUserRequest("a@cty.vn", "Giay-Phep-2021", "Nguyễn Văn A", "mayor", "48", "20194", SomeEnterprise);
        Assert.Equal(["Role"], Fields(Validator.Validate(request)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_role_is_refused(string? role) =>
        Assert.Equal(["Role"], Fields(Validator.Validate(For(Roles.Admin) with { Role = role! })));

    [Theory]
    [InlineData(Roles.Approver, "CityCode")]
    [InlineData(Roles.Checkpoint, "CityCode")]
    [InlineData(Roles.WardOfficer, "WardCode")]
    [InlineData(Roles.AreaPolice, "WardCode")]
    [InlineData(Roles.WardPolice, "WardCode")]
    [InlineData(Roles.Enterprise, "EnterpriseId")]
    public void The_scope_a_role_needs_is_required(string role, string field)
    {
        Assert.Equal(field, ScopeOf(role));
        string?[] blanks = field == "EnterpriseId" ? [null] : [null, "", "  "];
        foreach (var missing in blanks.Select(blank => Without(For(role), field, blank)))
        {
            var result = CultureScope.Under(Cultures.Vietnamese, () => Validator.Validate(missing));
            var error = Assert.Single(result.Errors);
            Assert.Equal(field, error.PropertyName);
            Assert.Equal(AccountsTexts.ScopeRequired.Vi, error.ErrorMessage);
        }
    }

    [Fact]
    public void The_all_zero_enterprise_id_is_no_enterprise()
    {
        var request = For(Roles.Enterprise) with { EnterpriseId = Guid.Empty };
        var error = Assert.Single(CultureScope.Under(Cultures.Vietnamese, () => Validator.Validate(request)).Errors);
        Assert.Equal("EnterpriseId", error.PropertyName);
        Assert.Equal(AccountsTexts.ScopeRequired.Vi, error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(ScopesARoleDoesNotTake))]
    public void A_scope_the_role_does_not_take_is_refused(string role, string field)
    {
        var request = field switch
        {
            "CityCode" => For(role) with { CityCode = "48" },
            "WardCode" => For(role) with { WardCode = "20194" },
            _ => For(role) with { EnterpriseId = SomeEnterprise },
        };
        var result = CultureScope.Under(Cultures.English, () => Validator.Validate(request));
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Equal(AccountsTexts.ScopeNotAllowed.En, error.ErrorMessage);
    }

    [Fact]
    public void A_ward_role_is_scoped_by_its_ward_alone_not_also_by_a_city()
    {
        // The ward code already names the city; a ward officer with a city code is a mistake, not more precision.
        var result = Validator.Validate(For(Roles.WardOfficer) with { CityCode = "48" });
        Assert.Equal(["CityCode"], Fields(result));
    }

    [Theory]
    [InlineData("hr@cty.vn")]
    [InlineData("nguyen.van-a+giayphep@da-nang.gov.vn")]
    [InlineData("  hr@cty.vn  ")]
    public void A_valid_email_is_accepted(string email) =>
        Assert.True(Validator.Validate(For(Roles.Admin) with { Email = email }).IsValid);

    [Theory]
    [InlineData("hr@cty")]
    [InlineData("hr@cty,vn")]
    [InlineData("nhânsự@cty.vn")]
    [InlineData("Nhân Sự <hr@cty.vn>")]
    [InlineData("hr@@cty.vn")]
    public void An_invalid_email_is_refused_with_the_shared_email_message(string email)
    {
        var result = CultureScope.Under(Cultures.Vietnamese, () => Validator.Validate(For(Roles.Admin) with { Email = email }));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Email", error.PropertyName);
        Assert.Equal(EmailRule.Invalid.Vi, error.ErrorMessage);
    }

    [Fact]
    public void An_email_longer_than_mail_allows_is_refused()
    {
        var longest = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 61), 3)) + ".vn";
        Assert.True(longest.Length <= EmailRule.MaxLength);
        Assert.True(Validator.Validate(For(Roles.Admin) with { Email = longest }).IsValid);
        Assert.Equal(["Email"], Fields(Validator.Validate(For(Roles.Admin) with { Email = "a" + longest })));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Email_password_and_full_name_are_required(string? value)
    {
        Assert.Equal(["Email"], Fields(Validator.Validate(For(Roles.Admin) with { Email = value! })));
        Assert.Equal(["Password"], Fields(Validator.Validate(For(Roles.Admin) with { Password = value! })));
        Assert.Equal(["FullName"], Fields(Validator.Validate(For(Roles.Admin) with { FullName = value! })));
    }

    [Fact]
    public void Password_and_full_name_have_upper_bounds()
    {
        Assert.True(Validator.Validate(For(Roles.Admin) with { Password = "Aa1" + new string('x', 125), FullName = new string('x', 200) }).IsValid);
        Assert.Equal(["Password"], Fields(Validator.Validate(For(Roles.Admin) with { Password = "Aa1" + new string('x', 126) })));
        Assert.Equal(["FullName"], Fields(Validator.Validate(For(Roles.Admin) with { FullName = new string('x', 201) })));
    }

    [Fact]
    public void The_password_policy_is_left_to_identity()
    {
        // The validator checks presence and length only; the strength rules live in the module's
        // Identity options (PasswordPolicyTests), so that setting a password later applies the same ones.
        Assert.True(Validator.Validate(For(Roles.Admin) with { Password = "weak" }).IsValid);
    }

    [Fact]
    public void Every_error_of_a_request_is_reported_at_once()
    {
        var request = new CreateUserRequest("not-an-email", "", "", Roles.Approver, null, "20194", SomeEnterprise);
        Assert.Equal(["CityCode", "Email", "EnterpriseId", "FullName", "Password", "WardCode"], Fields(Validator.Validate(request)));
    }

    [Fact]
    public void Messages_are_vietnamese_unless_english_is_asked_for()
    {
        var request = For(Roles.Admin) with { Role = "mayor" };
        string Message(CultureInfo culture) => CultureScope.Under(culture, () => Assert.Single(Validator.Validate(request).Errors).ErrorMessage);

        Assert.Equal(AccountsTexts.UnknownRole.Vi, Message(Cultures.Vietnamese));
        Assert.Equal(AccountsTexts.UnknownRole.Vi, Message(CultureInfo.InvariantCulture));
        Assert.Equal(AccountsTexts.UnknownRole.Vi, Message(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(AccountsTexts.UnknownRole.En, Message(Cultures.English));
        Assert.Equal(AccountsTexts.UnknownRole.En, Message(CultureInfo.GetCultureInfo("en-GB")));
    }

    private static string? ScopeOf(string role) =>
        Roles.CityScoped.Contains(role) ? "CityCode"
        : Roles.WardScoped.Contains(role) ? "WardCode"
        : role == Roles.Enterprise ? "EnterpriseId"
        : null;

    private static CreateUserRequest For(string role) => ScopeOf(role) switch
    {
        "CityCode" => new(role + "@cty.vn", "Giay-Phep-2021", "Nguyễn Văn A", role, "48", null, null),
        "WardCode" => new(role + "@cty.vn", "Giay-Phep-2021", "Nguyễn Văn A", role, null, "20194", null),
        "EnterpriseId" => new(role + "@cty.vn", "Giay-Phep-2021", "Nguyễn Văn A", role, null, null, SomeEnterprise),
        _ => new(role + "@cty.vn", "Giay-Phep-2021", "Nguyễn Văn A", role, null, null, null),
    };

    private static CreateUserRequest Without(CreateUserRequest request, string field, string? blank) => field switch
    {
        "CityCode" => request with { CityCode = blank },
        "WardCode" => request with { WardCode = blank },
        _ => request with { EnterpriseId = null },
    };

    private static string[] Fields(ValidationResult result) =>
        [.. result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal)];

    private static string Describe(ValidationResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
}
