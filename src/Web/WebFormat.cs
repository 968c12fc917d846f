using System.Globalization;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>Dates as people in Vietnam write them (dd/MM/yyyy), times in Vietnam's time (+07:00).</summary>
internal static class WebFormat
{
    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Cultures.VietnamTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => Cultures.VietnamDateTime(at);

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vi";
}
