using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// <c>Permits:Periods</c>: when and in what steps period ends are dealt with. Checked when the
/// Host starts: a value out of range stops it, naming the key.
/// </summary>
internal sealed class PeriodEndOptions
{
    public const string Section = "Permits:Periods";

    /// <summary>No period lasts more than a year (<see cref="CreatePeriodRequestValidator"/>): a longer lead or sweep means nothing.</summary>
    private const double MaxMinutes = 366 * 24 * 60;

    /// <summary>How long before a period's end its permits are carried, so that none is ever seen expired in between.</summary>
    public double RolloverLeadMinutes { get; set; } = 10;

    /// <summary>How often the catch-up sweep of period ends runs.</summary>
    public double SweepSeconds { get; set; } = 60;

    /// <summary>Permits per rollover or expiry transaction.</summary>
    public int BatchSize { get; set; } = 2000;

    public TimeSpan RolloverLead => TimeSpan.FromMinutes(RolloverLeadMinutes);

    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepSeconds);

    public static void Register(IServiceCollection services) => services.AddOptions<PeriodEndOptions>()
        .BindConfiguration(Section)
        .Validate(o => o.RolloverLeadMinutes is >= 0 and <= MaxMinutes, $"{Section}:RolloverLeadMinutes must be between 0 and 527040 (366 days).")
        .Validate(o => o.SweepSeconds is >= 1 and <= MaxMinutes * 60, $"{Section}:SweepSeconds must be between 1 and 31622400 (366 days).")
        .Validate(o => o.BatchSize is >= 1 and <= 10_000, $"{Section}:BatchSize must be between 1 and 10000.")
        .ValidateOnStart();
}
