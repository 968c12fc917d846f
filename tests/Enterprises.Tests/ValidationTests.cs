using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Validation;
using TravelPermits.SharedKernel.Text;
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
}
