using System.Globalization;
using System.Text.Json;
using FluentValidation.Results;
using TravelPermits.Geography.Contracts;
using TravelPermits.Geography.Import;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.TestSupport;
using TravelPermits.Tests;
using Xunit;

namespace TravelPermits.Geography.Tests;

/// <summary>
/// What the import endpoint accepts as the GSO catalogue. The error paths are FluentValidation's;
/// the endpoint lower-cases each segment's first letter (<c>data[0].level2s[0].level2_id</c>).
/// </summary>
public sealed class CatalogueValidatorTests
{
    private const string CityCode = "Data[0].level1_id";
    private const string DistrictCode = "Data[0].Level2s[0].level2_id";
    private const string WardCode = "Data[0].Level2s[0].Level3s[0].level3_id";

    private static readonly CatalogueValidator Validator = new();

    [Fact]
    public async Task The_real_national_catalogue_is_accepted()
    {
        await using var file = File.OpenRead(Repository.Catalogue);
        var catalogue = await JsonSerializer.DeserializeAsync<Catalogue>(file, JsonSerializerOptions.Web, TestContext.Current.CancellationToken);

        // Read through the contract's JSON names, not left half empty.
        Assert.NotNull(catalogue?.Data);
        Assert.Equal(63, catalogue.Data.Count);
        Assert.Equal(705, catalogue.Data.Sum(c => c.Level2s?.Count ?? 0));
        Assert.Equal(10603, catalogue.Data.Sum(c => c.Level2s?.Sum(d => d.Level3s?.Count ?? 0) ?? 0));
        var daNang = Assert.Single(catalogue.Data, c => c.Level1Id == "48");
        Assert.Equal("Thành phố Đà Nẵng", daNang.Name);
        Assert.Equal("490", daNang.Level2s![0].Level2Id);
        Assert.Equal("20194", daNang.Level2s[0].Level3s![0].Level3Id);

        var result = Validator.Validate(catalogue);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void A_small_well_formed_catalogue_is_accepted()
    {
        var result = Validator.Validate(Small());
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void Units_without_a_type_or_without_children_are_accepted()
    {
        var catalogue = new Catalogue([
            new CatalogueCity("48", "Thành phố Đà Nẵng", null, [
                new CatalogueDistrict("490", "Quận Liên Chiểu", null, [new CatalogueWard("20194", "Phường Hòa Hiệp Bắc", null)]),
                new CatalogueDistrict("491", "Quận Thanh Khê", "Quận", null),
            ]),
            new CatalogueCity("01", "Thành phố Hà Nội", "Thành phố Trung ương", []),
        ]);
        Assert.True(Validator.Validate(catalogue).IsValid);
    }

    [Fact]
    public void A_catalogue_without_data_is_refused_on_data()
    {
        Assert.Equal(["Data"], Fields(Validator.Validate(new Catalogue(null))));
        Assert.Equal(["Data"], Fields(Validator.Validate(new Catalogue([]))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("048")]
    [InlineData("4a")]
    [InlineData(" 48")]
    [InlineData("４８")] // full-width digits are not [0-9]
    public void A_city_code_must_be_two_digits(string? code) =>
        Assert.Equal([CityCode], Fields(Validator.Validate(Small(city: c => c with { Level1Id = code }))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("49")]
    [InlineData("4900")]
    [InlineData("9x0")]
    public void A_district_code_must_be_three_digits(string? code) =>
        Assert.Equal([DistrictCode], Fields(Validator.Validate(Small(district: d => d with { Level2Id = code }))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2019")]
    [InlineData("201940")]
    [InlineData("2019a")]
    public void A_ward_code_must_be_five_digits(string? code) =>
        Assert.Equal([WardCode], Fields(Validator.Validate(Small(ward: w => w with { Level3Id = code }))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Every_unit_needs_a_name(string? name)
    {
        Assert.Equal(["Data[0].name"], Fields(Validator.Validate(Small(city: c => c with { Name = name }))));
        Assert.Equal(["Data[0].Level2s[0].name"], Fields(Validator.Validate(Small(district: d => d with { Name = name }))));
        Assert.Equal(["Data[0].Level2s[0].Level3s[0].name"], Fields(Validator.Validate(Small(ward: w => w with { Name = name }))));
    }

    [Fact]
    public void Names_are_at_most_200_characters()
    {
        var longest = new string('x', 200);
        Assert.True(Validator.Validate(Small(ward: w => w with { Name = longest })).IsValid);

        var tooLong = longest + "x";
        Assert.Equal(["Data[0].name"], Fields(Validator.Validate(Small(city: c => c with { Name = tooLong }))));
        Assert.Equal(["Data[0].Level2s[0].name"], Fields(Validator.Validate(Small(district: d => d with { Name = tooLong }))));
        Assert.Equal(["Data[0].Level2s[0].Level3s[0].name"], Fields(Validator.Validate(Small(ward: w => w with { Name = tooLong }))));
    }

    [Fact]
    public void Types_are_at_most_100_characters()
    {
        var tooLong = new string('x', 101);
        Assert.True(Validator.Validate(Small(ward: w => w with { Type = tooLong[..100] })).IsValid);
        Assert.Equal(["Data[0].type"], Fields(Validator.Validate(Small(city: c => c with { Type = tooLong }))));
        Assert.Equal(["Data[0].Level2s[0].type"], Fields(Validator.Validate(Small(district: d => d with { Type = tooLong }))));
        Assert.Equal(["Data[0].Level2s[0].Level3s[0].type"], Fields(Validator.Validate(Small(ward: w => w with { Type = tooLong }))));
    }

    [Fact]
    public void Every_error_of_a_catalogue_is_reported_at_once_each_at_its_own_path()
    {
        var catalogue = new Catalogue([
            Small().Data![0],
            new CatalogueCity("9", "", "Tỉnh", [
                new CatalogueDistrict("990", "Huyện Thử", "Huyện", [
                    new CatalogueWard("99001", "Xã Một", "Xã"),
                    new CatalogueWard("9902", "Xã Hai", "Xã"),
                ]),
            ]),
        ]);
        Assert.Equal(["Data[1].Level2s[0].Level3s[1].level3_id", "Data[1].level1_id", "Data[1].name"],
            Fields(Validator.Validate(catalogue)));
    }

    [Fact]
    public void A_null_entry_is_refused_at_its_index_not_thrown_on()
    {
        Assert.Equal(["Data[1]"], Fields(Validator.Validate(new Catalogue([Small().Data![0], null!]))));
        Assert.Equal(["Data[0].Level2s[1]"], Fields(Validator.Validate(Small(city: c => c with { Level2s = [c.Level2s![0], null!] }))));
        Assert.Equal(["Data[0].Level2s[0].Level3s[1]"],
            Fields(Validator.Validate(Small(district: d => d with { Level3s = [d.Level3s![0], null!] }))));
    }

    [Fact]
    public void A_city_code_given_twice_is_refused()
    {
        var city = Small().Data![0];
        var twice = new Catalogue([city, new CatalogueCity(city.Level1Id, "Tỉnh Khác", "Tỉnh", [])]);
        AssertDuplicateCodes(Validator.Validate(twice));
    }

    [Fact]
    public void A_district_under_two_cities_is_refused()
    {
        // The JSON places a unit by nesting it, so a district whose city code is inconsistent is one
        // that appears under two cities.
        var city = Small().Data![0];
        var other = new CatalogueCity("01", "Thành phố Hà Nội", "Thành phố Trung ương", [
            new CatalogueDistrict(city.Level2s![0].Level2Id, "Quận Khác", "Quận", []),
        ]);
        AssertDuplicateCodes(Validator.Validate(new Catalogue([city, other])));
    }

    [Fact]
    public void A_ward_under_two_districts_is_refused()
    {
        var catalogue = Small(city: c => c with
        {
            Level2s = [c.Level2s![0], new CatalogueDistrict("491", "Quận Thanh Khê", "Quận", [new CatalogueWard("20194", "Phường Khác", "Phường")])],
        });
        AssertDuplicateCodes(Validator.Validate(catalogue));
    }

    [Fact]
    public void A_ward_under_two_cities_is_refused()
    {
        var city = Small().Data![0];
        var other = new CatalogueCity("01", "Thành phố Hà Nội", "Thành phố Trung ương", [
            new CatalogueDistrict("001", "Quận Ba Đình", "Quận", [new CatalogueWard("20194", "Phường Khác", "Phường")]),
        ]);
        AssertDuplicateCodes(Validator.Validate(new Catalogue([city, other])));
    }

    [Fact]
    public void The_same_digits_at_different_levels_are_not_duplicates()
    {
        // "490" as a district and "00490" as a ward, "48" as a city: codes are unique per level only.
        var catalogue = Small(district: d => d with { Level3s = [.. d.Level3s!, new CatalogueWard("00490", "Phường Khác", "Phường")] });
        Assert.True(Validator.Validate(catalogue).IsValid);
    }

    [Fact]
    public void The_duplicate_codes_message_is_vietnamese_unless_english_is_asked_for()
    {
        var city = Small().Data![0];
        var twice = new Catalogue([city, city]);
        Assert.Equal(GeographyTexts.DuplicateCodes.Vi, CultureScope.Under(Cultures.Vietnamese, () => Message(twice)));
        Assert.Equal(GeographyTexts.DuplicateCodes.Vi, CultureScope.Under(CultureInfo.InvariantCulture, () => Message(twice)));
        Assert.Equal(GeographyTexts.DuplicateCodes.En, CultureScope.Under(Cultures.English, () => Message(twice)));
        Assert.Equal(GeographyTexts.DuplicateCodes.En, CultureScope.Under(CultureInfo.GetCultureInfo("en-US"), () => Message(twice)));
        Assert.NotEqual(GeographyTexts.DuplicateCodes.Vi, GeographyTexts.DuplicateCodes.En);

        static string Message(Catalogue catalogue) => Assert.Single(Validator.Validate(catalogue).Errors).ErrorMessage;
    }

    /// <summary>Đà Nẵng, one district, one ward; each level can be changed by the caller.</summary>
    private static Catalogue Small(
        Func<CatalogueCity, CatalogueCity>? city = null,
        Func<CatalogueDistrict, CatalogueDistrict>? district = null,
        Func<CatalogueWard, CatalogueWard>? ward = null)
    {
        var w = new CatalogueWard("20194", "Phường Hòa Hiệp Bắc", "Phường");
        var d = new CatalogueDistrict("490", "Quận Liên Chiểu", "Quận", [ward is null ? w : ward(w)]);
        var c = new CatalogueCity("48", "Thành phố Đà Nẵng", "Thành phố Trung ương", [district is null ? d : district(d)]);
        return new Catalogue([city is null ? c : city(c)]);
    }

    private static string[] Fields(ValidationResult result) =>
        [.. result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal)];

    private static void AssertDuplicateCodes(ValidationResult result)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal("Data", error.PropertyName);
        Assert.Equal(GeographyTexts.DuplicateCodes.Resolve(), error.ErrorMessage);
    }
}
