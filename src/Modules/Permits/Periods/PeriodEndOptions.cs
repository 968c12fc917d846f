using System.Globalization;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// <c>Permits:Periods</c>: when and in what steps period ends are dealt with. Checked when the
/// Host starts: a value out of range stops it, naming the key.
/// </summary>
internal sealed class PeriodEndOptions
{
    public const string Section = "Permits:Periods";

    /// <summary>No period lasts more than a year (<see cref="CreatePeriodRequestValidator"/>): a longer lead means nothing.</summary>
    private const double MaxMinutes = 366 * 24 * 60;

    /// <summary>How long before a period's end its permits are carried, so that none is ever seen expired in between.</summary>
    public double RolloverLeadMinutes { get; set; } = 10;

    /// <summary>How often the catch-up sweep of period ends runs (a recurring job: <see cref="CronInterval.Allowed"/>).</summary>
    public double SweepSeconds { get; set; } = 60;

    /// <summary>Permits per rollover or expiry transaction.</summary>
    public int BatchSize { get; set; } = 2000;

    public TimeSpan RolloverLead => TimeSpan.FromMinutes(RolloverLeadMinutes);

    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepSeconds);

    /// <summary>Why the settings cannot be used, naming the key; null when they can.</summary>
    public string? Problem() =>
        RolloverLeadMinutes is not (>= 0 and <= MaxMinutes)
            ? $"{Section}:RolloverLeadMinutes must be from 0 to 527040 (366 days); it is {Text(RolloverLeadMinutes)}."
        : CronInterval.For(SweepSeconds) is null
            ? $"{Section}:SweepSeconds must be {CronInterval.Allowed}; it is {Text(SweepSeconds)}."
        : BatchSize is < 1 or > 10_000 ? $"{Section}:BatchSize must be from 1 to 10000; it is {BatchSize}."
        : null;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
