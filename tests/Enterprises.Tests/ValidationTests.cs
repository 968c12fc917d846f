using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Validation;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;
using TravelPermits.TestSupport;
using Xunit;

namespace TravelPermits.Enterprises.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("0100233488", "0100233488")]
    [InlineData("0314409058-002", "0314409058-002")]
    [InlineData("0314409058002", "0314409058-002")]
    [InlineData(" 01.00.233.488 ", "0100233488")]
    [InlineData("0100233480", null)]          // wrong check digit
    [InlineData("0100000008", null)]          // no sequence number
    [InlineData("0314409058-000", null)]      // branch 000
    [InlineData("010023348", null)]
    [InlineData("01002334881", null)]
    [InlineData("01002334AB", null)]
    public void Tax_codes_are_checked_as_the_tax_office_issues_them(string input, string? expected) =>
        Assert.Equal(expected, TaxCode.Normalize(input));

    [Fact]
    public void The_test_data_generator_makes_valid_tax_codes()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = TestData.TaxCode();
            Assert.Equal(code, TaxCode.Normalize(code));
        }
    }

    [Theory]
    [InlineData("0905123456", "0905123456")]
    [InlineData("090 512 3456", "0905123456")]
    [InlineData("+84 905 123 456", "0905123456")]
    [InlineData("84905123456", "0905123456")]
    [InlineData("0236.3822.123", "02363822123")]
    [InlineData("(024) 3825 1234", "02438251234")]
    [InlineData("+84 236 3822 123", "02363822123")]
    [InlineData("0123456789", null)]     // old 11-digit-era prefix 01x is gone
    [InlineData("0605123456", null)]
    [InlineData("+1 202 555 0100", null)]
    [InlineData("09051234", null)]
    [InlineData("hotline", null)]
    public void Vietnamese_phone_numbers_are_recognised_with_or_without_84(string input, string? expected) =>
        Assert.Equal(expected, VietnamesePhone.Normalize(input));

    [Theory]
    [InlineData("nguyen van a@gmail.com")]
    [InlineData("a@b")]
    [InlineData("hr@cty,vn")]
    [InlineData("hr;x@cty.vn")]
    [InlineData("hr@cty..vn")]
    [InlineData("hr@@cty.vn")]
    [InlineData("hr@cty.vn@cty.vn")]
    [InlineData("@cty.vn")]
    [InlineData("hr@")]
    [InlineData("hr@.cty.vn")]
    [InlineData("hr@cty.vn.")]
    [InlineData("hr@-cty.vn")]
    [InlineData("hr@cty-.vn")]
    [InlineData("hr@cty.v")]
    [InlineData("hr@cty.123")]
    [InlineData("hr@[10.0.0.1]")]
    [InlineData(".hr@cty.vn")]
    [InlineData("hr.@cty.vn")]
    [InlineData("h..r@cty.vn")]
    [InlineData("\"hr\"@cty.vn")]
    [InlineData("Nhân Sự <hr@cty.vn>")]
    [InlineData("nhânsự@cty.vn")]
    [InlineData("hr@công-ty.vn")]
    [InlineData("hr\t@cty.vn")]
    public void Emails_a_mail_server_would_refuse_are_invalid(string email) =>
        Assert.False(EmailRule.IsValid(email));

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("nguyen.van.a+nhansu@gmail.com")]
    [InlineData("hr@mail.thep-danang.com.vn")]
    [InlineData("HR_2021@Cty.VN")]
    [InlineData("ke-toan@cty.vn")]
    [InlineData(" hr@cty.vn ")]
    [InlineData("hr@xn--cty-8na.xn--vn-1ia")]
    [InlineData("hr@123.vn")]
    public void Emails_as_mail_servers_take_them_are_valid(string email) =>
        Assert.True(EmailRule.IsValid(email));

    [Fact]
    public void Emails_keep_to_the_length_limits()
    {
        Assert.True(EmailRule.IsValid(new string('a', 64) + "@cty.vn"));
        Assert.False(EmailRule.IsValid(new string('a', 65) + "@cty.vn"));
        Assert.True(EmailRule.IsValid("hr@" + new string('a', 63) + ".vn"));
        Assert.False(EmailRule.IsValid("hr@" + new string('a', 64) + ".vn"));
        var longest = "hr@" + string.Join('.', new string('a', 61), new string('b', 61), new string('c', 61), new string('d', 62)) + ".vn";
        Assert.Equal(254, longest.Length);
        Assert.True(EmailRule.IsValid(longest));
        Assert.False(EmailRule.IsValid("h" + longest));
    }

    [Theory]
    [InlineData(100, 30, null, 30)]
    [InlineData(7, 30, null, 2)]
    [InlineData(1_000_000, 33, null, 330_000)]
    [InlineData(100, 30, 55, 55)]
    [InlineData(3, 0, null, 0)]
    public void The_quota_is_floor_of_workforce_times_ratio_unless_explicit(int workforce, int ratio, int? explicitQuota, int expected) =>
        Assert.Equal(expected, QuotaMath.Quota(workforce, ratio, explicitQuota));

    [Theory]
    [InlineData("Công ty Thép", "cong ty thep")]
    [InlineData("CÔNG TY THÉP ĐÀ NẴNG", "cong ty thep da nang")]
    [InlineData("Co\u0302ng ty The\u0301p", "cong ty thep")] // decomposed
    [InlineData("  Hợp   tác xã  ", "hop tac xa")]
    public void Search_keys_ignore_diacritics_case_and_unicode_form(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void A_search_is_one_escaped_pattern_per_distinct_folded_word() =>
        Assert.Equal(["%cong%", "%ty%", "%thep%", "%100\\%%", "%a\\_b%"], VietnameseText.WordPatterns("  Công ty\tTHÉP  Co\u0302ng 100% a_b "));
}
