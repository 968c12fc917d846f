using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// A period; <c>cityCode</c> null when it holds the permits of every city; <c>closedAt</c> is when
/// its end was dealt with (permits carried into the successor, or expired).
/// </summary>
internal sealed record PeriodResponse(Guid Id, string Label, string? CityCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? ClosedAt)
{
    public static PeriodResponse From(Period p) => new(p.Id, p.Label, p.CityCode, p.StartsAt, p.EndsAt, p.ClosedAt);
}
