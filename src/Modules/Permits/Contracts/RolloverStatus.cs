using System.Text.Json.Serialization;

namespace TravelPermits.Permits.Contracts;

/// <summary>
/// Where the carrying of a period's permits into its successor stands, as a rollover's answer
/// gives it (<c>completed</c>): a rollover asked for runs to its end before it answers.
/// </summary>
public enum RolloverStatus
{
    [JsonStringEnumMemberName("completed")] Completed,
}
