using System.Reflection;
using System.Text.Json.Serialization;

namespace TravelPermits.Permits.Figures;

/// <summary>
/// <c>GET /api/v1/stats</c>: what was counted (<c>scope</c>, the caller's reach narrowed by the filters)
/// and the counts by status, every status named (0 included) as the contract spells it.
/// </summary>
internal sealed record StatsResponse(
    StatsScope Scope,
    StatusCounts Enterprises,
    Places Places,
    StatusCounts Requests,
    StatusCounts Applications,
    StatusCounts Permits,
    PeriodFigures? CurrentPeriod,
    DateTimeOffset At);

/// <summary>The filters that applied: null where everything of the level was counted.</summary>
internal sealed record StatsScope(string? CityCode, string? WardCode, Guid? EnterpriseId);

internal sealed record StatusCounts(int Total, IReadOnlyDictionary<string, int> ByStatus)
{
    public static StatusCounts From<TStatus>(IReadOnlyDictionary<TStatus, int> counts) where TStatus : struct, Enum =>
        new(counts.Values.Sum(), Enum.GetValues<TStatus>().ToDictionary(WireName, s => counts.GetValueOrDefault(s)));

    /// <summary>The status's JSON name (<c>partially_approved</c>), as its enum declares it.</summary>
    private static string WireName<TStatus>(TStatus status) where TStatus : struct, Enum =>
        typeof(TStatus).GetField(status.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name;
}

/// <summary>The places of the active enterprises counted: their quotas, and how many live permits take them.</summary>
internal sealed record Places(int Quota, int Taken)
{
    public int Remaining => Quota - Taken;
}

/// <summary>
/// The current period of the scope's city: the permits it holds by status (those carried into it
/// included), and how many were issued between its start and now.
/// </summary>
internal sealed record PeriodFigures(
    Guid Id, string Label, string? CityCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Issued, StatusCounts Permits);
