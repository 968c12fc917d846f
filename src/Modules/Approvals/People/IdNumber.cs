using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Approvals.People;

/// <summary>
/// Vietnamese ID numbers. A CCCD has 12 digits: the province code of registration (3 digits,
/// the GSO code with a leading 0), a digit for century and gender (0/1: 1900s man/woman, 2/3:
/// 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 1800s), the last two digits of the birth year, then six
/// digits. A CMND has 9 digits.
/// </summary>
internal static class IdNumber
{
    /// <summary>
    /// The province codes of CCCD numbers (Circular 07/2016/TT-BCA: the GSO codes of the 63
    /// provinces). Printed on cards already issued, they do not follow later catalogue changes.
    /// </summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33",
        "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66",
        "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96",
    };

    public static LocalizedText? Check(string id, DateOnly? birth, bool? female) => Check(id, birth, female, ProvinceCodes);

    public static LocalizedText? Check(string id, DateOnly? birth, bool? female, IReadOnlySet<string> provinceCodes)
    {
        if (id.Length == 9 && id.All(char.IsAsciiDigit))
        {
            return null;
        }
        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            return Texts.Format;
        }
        if (id[0] != '0' || !provinceCodes.Contains(id[1..3]))
        {
            return Texts.Province.Format(id[..3]);
        }
        if (birth is not { } date)
        {
            return null;
        }
        var digit = id[3] - '0';
        var century = digit switch { 8 or 9 => 18, _ => 19 + (digit / 2) };
        if (century != date.Year / 100 || id[4..6] != (date.Year % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
        {
            return Texts.BirthYear.Format(date.Year);
        }
        if (female is { } isFemale && (digit % 2 == 1) != isFemale)
        {
            return Texts.Gender;
        }
        return null;
    }

    private static class Texts
    {
        public static readonly LocalizedText Format = new(
            "Số CCCD phải gồm 12 chữ số, số CMND gồm 9 chữ số.", "A CCCD number has 12 digits, a CMND number 9.");
        public static readonly LocalizedText Province = new(
            "Mã tỉnh {0} ở đầu số CCCD không phải mã tỉnh, thành phố nào.", "The province code {0} at the start of the CCCD number is not a province's.");
        public static readonly LocalizedText BirthYear = new(
            "Số CCCD không khớp với năm sinh {0} (chữ số thứ 4 đến 6).", "The CCCD number does not match the birth year {0} (digits 4 to 6).");
        public static readonly LocalizedText Gender = new(
            "Số CCCD không khớp với giới tính (chữ số thứ 4).", "The CCCD number does not match the gender (digit 4).");
    }
}
