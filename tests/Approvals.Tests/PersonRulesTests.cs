using TravelPermits.Approvals.People;
using Xunit;

namespace TravelPermits.Approvals.Tests;

public sealed class PersonRulesTests
{
    private static readonly HashSet<string> Provinces = ["01", "48", "79", "96"];
    private static readonly DateOnly Today = new(2021, 9, 20);

    [Theory]
    [InlineData("048090001234", "1990-05-01", false)] // Đà Nẵng, man born 1990
    [InlineData("001195004321", "1995-12-31", true)]  // Hà Nội, woman born 1995
    [InlineData("079203000001", "2003-01-01", false)] // Hồ Chí Minh, man born 2003
    [InlineData("096305000001", "2005-06-06", true)]  // Cà Mau, woman born 2005
    [InlineData("201234567", "1980-01-01", false)]    // a CMND: 9 digits
    public void Valid_ids_pass(string id, string birth, bool female) =>
        Assert.Null(IdNumber.Check(id, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), female, Provinces));

    [Theory]
    [InlineData("048090001234", "1991-05-01", false, "1991")]   // year digits say 90
    [InlineData("048090001234", "1990-05-01", true, "giới tính")] // digit 0 says a man
    [InlineData("048290001234", "1990-05-01", false, "1990")]   // digit 2 says born 2000s
    [InlineData("099090001234", "1990-05-01", false, "099")]    // no province 99
    [InlineData("148090001234", "1990-05-01", false, "148")]    // provinces start with 0
    [InlineData("04809000123", "1990-05-01", false, "12 chữ số")]
    [InlineData("04809000123A", "1990-05-01", false, "12 chữ số")]
    public void Inconsistent_ids_are_refused_with_the_reason(string id, string birth, bool female, string expected)
    {
        var error = IdNumber.Check(id, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), female, Provinces);
        Assert.NotNull(error);
        Assert.Contains(expected, error.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_reports_every_field_that_is_wrong()
    {
        var (person, errors) = PersonRules.Check(
            new PersonText("Nguyễn Văn 3", "123", "32/01/1990", "X", "12", null, "", null), Provinces, Today);
        Assert.Null(person);
        Assert.Equal(
            [PersonField.FullName, PersonField.DateOfBirth, PersonField.Gender, PersonField.IdNumber, PersonField.Phone, PersonField.Residence],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("05/09/1990")]
    [InlineData("5/9/1990")]
    [InlineData("05-09-1990")]
    [InlineData("05.09.1990")]
    [InlineData("1990-09-05")]
    public void Dates_are_read_as_day_month_year_in_the_usual_notations(string text)
    {
        var (person, errors) = PersonRules.Check(
            new PersonText("Lê Thị Bình", "048190001234", text, "nữ", "0905 123 456", "Kế toán", "Phường Thanh Bình", null), Provinces, Today);
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(1990, 9, 5), person!.DateOfBirth);
        Assert.Equal(PersonRules.Female, person.Gender);
        Assert.Equal("0905123456", person.Phone);
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var (_, errors) = PersonRules.Check(
            new PersonText("Lê Bình", "201234567", "01/01/2030", "Nam", null, null, "Hải Châu", null), Provinces, Today);
        Assert.Equal(PersonField.DateOfBirth, Assert.Single(errors).Field);
    }
}

public sealed class LeadingZeroTests
{
    [Theory]
    [InlineData("1090012345", "001090012345")]   // Hà Nội: two zeros lost
    [InlineData("48090001234", "048090001234")]  // Đà Nẵng: one zero lost
    [InlineData("48090001", "048090001")]        // a CMND that started with 0
    [InlineData("201234567", "201234567")]
    [InlineData("123456789012", "123456789012")]
    public void Numbers_that_lost_their_leading_zeros_get_them_back(string stored, string expected) =>
        Assert.Equal(expected, TravelPermits.Approvals.Requests.RequestIntake.RestoreLeadingZeros(stored));
}
