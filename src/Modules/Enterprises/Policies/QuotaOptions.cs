namespace TravelPermits.Enterprises.Policies;

/// <summary><c>Permits:Quota</c>: the quota settings of the whole installation.</summary>
internal sealed class QuotaOptions
{
    public const string Section = "Permits:Quota";

    /// <summary>The ratio of a ward with no policy in a city with none (0 to 100).</summary>
    public int DefaultRatioPercent { get; set; } = 30;

    /// <summary>Whether the settings can be used; the message names the key to correct.</summary>
    public static bool IsValid(QuotaOptions options) => options.DefaultRatioPercent is >= 0 and <= 100;

    public const string Invalid = $"{Section}:{nameof(DefaultRatioPercent)} must be a whole number from 0 to 100.";
}
