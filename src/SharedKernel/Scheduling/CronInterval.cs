using System.Globalization;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// Recurring jobs run on a cron schedule, which repeats exactly only for intervals that divide the
/// next larger unit: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 seconds or minutes, or 1, 2, 3, 4, 6,
/// 8 or 12 hours, or a day. Settings that give a sweep's interval accept those.
/// </summary>
public static class CronInterval
{
    public const string Allowed = "a number of seconds or minutes dividing 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30), of hours dividing 24, or 86400";

    /// <summary>The cron expression (with seconds) for every <paramref name="seconds"/>, or null when cron cannot repeat it exactly.</summary>
    public static string? For(double seconds)
    {
        if (seconds is < 1 or > 86400 || seconds != Math.Floor(seconds))
        {
            return null;
        }
        var s = (int)seconds;
        return s switch
        {
            < 60 when 60 % s == 0 => s == 1 ? "* * * * * *" : $"*/{Text(s)} * * * * *",
            < 3600 when s % 60 == 0 && 60 % (s / 60) == 0 => $"0 */{Text(s / 60)} * * * *",
            < 86400 when s % 3600 == 0 && 24 % (s / 3600) == 0 => $"0 0 */{Text(s / 3600)} * * *",
            86400 => "0 0 0 * * *",
            _ => null,
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
