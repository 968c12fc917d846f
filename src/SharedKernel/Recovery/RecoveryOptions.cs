using System.ComponentModel.DataAnnotations;

namespace TravelPermits.SharedKernel.Recovery;

/// <summary>
/// <c>Permits:Recovery</c>: how often each Host looks for work that a process left half done when
/// it died (a hold of quota places not settled, places not yet given back, an approval's follow-up),
/// and how old such work must be before another process takes it over.
/// </summary>
public sealed class RecoveryOptions
{
    public const string Section = "Permits:Recovery";

    /// <summary>Seconds between two sweeps (the first runs as the Host starts).</summary>
    [Range(0.1, 3600)]
    public double SweepSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds after which unfinished work is taken as left behind. Longer than any issue takes
    /// (10,000 permits in a few seconds): a hold resolved while its issue still runs makes that issue
    /// fail with a 503 rather than break the quota, but it fails.
    /// </summary>
    [Range(1, 86400)]
    public double StaleSeconds { get; set; } = 120;

    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepSeconds);

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(StaleSeconds);
}
