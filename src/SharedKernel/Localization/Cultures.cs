using System.Globalization;

namespace TravelPermits.SharedKernel.Localization;

public static class Cultures
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Vietnam's time zone, the one every date shown to people is in.</summary>
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>An instant as people in Vietnam read it: dd/MM/yyyy HH:mm in Vietnam's time.</summary>
    public static string VietnamDateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, VietnamTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
