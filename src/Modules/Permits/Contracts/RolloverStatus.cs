using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Permits.Contracts;

/// <summary>
/// Where the carrying of a period's permits into its successor stands, as a rollover's answer
/// gives it: a rollover asked for runs to its end before it answers. JSON spells it as the
/// contract does (<c>"completed"</c>), whatever serializer options are in use.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloverStatus>))]
public enum RolloverStatus
{
    [JsonStringEnumMemberName("completed"), EnumMember(Value = "completed")] Completed,
}
