using System.Globalization;

namespace TravelPermits.Tests;

/// <summary>
/// Runs code under a UI culture, as the request localization middleware would set it, then puts
/// the old one back. Compiled into the module test projects that need it (linked, not referenced,
/// so that they build without the Host).
/// </summary>
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

    public static async Task<T> UnderAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
