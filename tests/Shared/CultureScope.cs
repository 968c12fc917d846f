using System.Globalization;

namespace TravelPermits.Accounts.Tests;

/// <summary>Runs code under a UI culture, as the request localization middleware would set it, then puts the old one back.</summary>
internal static class CultureScope
{
    public static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
