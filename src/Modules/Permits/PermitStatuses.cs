using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace TravelPermits.Permits;

/// <summary>
/// The statuses' names as the contract spells them (taken from <see cref="PermitStatus"/>'s JSON
/// names, so that JSON and the database cannot disagree), and the statuses that count as live.
/// </summary>
internal static class PermitStatuses
{
    /// <summary>A permit in force or waiting for its stamp: one per person (index <c>ux_prm_permits_live_person</c>).</summary>
    public static readonly PermitStatus[] Live = [PermitStatus.Approved, PermitStatus.Stamped, PermitStatus.Issued];

    private static readonly FrozenDictionary<PermitStatus, string> Names = Enum.GetValues<PermitStatus>().ToFrozenDictionary(
        s => s, s => typeof(PermitStatus).GetField(s.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    private static readonly FrozenDictionary<string, PermitStatus> ByName =
        Names.ToFrozenDictionary(n => n.Value, n => n.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The contract's name: <c>"issued"</c>.</summary>
    public static string Name(this PermitStatus status) => Names[status];

    /// <summary>The status a name (in any case) stands for.</summary>
    public static bool TryParse(string? name, out PermitStatus status) => ByName.TryGetValue(name ?? "", out status);

    /// <summary>The status of a stored name, which the database holds only as the contract spells it.</summary>
    public static PermitStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new InvalidOperationException($"Unknown permit status '{name}'.");
}
