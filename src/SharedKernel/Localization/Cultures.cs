using System.Globalization;

namespace TravelPermits.SharedKernel.Localization;

public static class Cultures
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Vietnam's time zone, the one every date shown to people is in.</summary>
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
