using System.Globalization;

namespace TravelPermits.TestSupport;

public static class TestData
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>A random tax code whose check digit is right (the tax office's weights).</summary>
    public static string TaxCode()
    {
        while (true)
        {
            var prefix = "04" + Random.Shared.Next(1, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            var total = prefix.Select((c, i) => (c - '0') * Weights[i]).Sum();
            var check = 10 - (total % 11);
            if (check < 10)
            {
                return prefix + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
