namespace TravelPermits.Enterprises.Policies;

/// <summary><c>Permits:Quota</c>: the quota settings of the whole installation.</summary>
internal sealed class QuotaOptions
{
    public const string Section = "Permits:Quota";

    /// <summary>The ratio of a ward with no policy in a city with none (0 to 100).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100)]
    public int DefaultRatioPercent { get; set; } = 30;
}
