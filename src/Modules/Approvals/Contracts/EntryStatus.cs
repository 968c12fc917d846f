using System.Text.Json.Serialization;

namespace TravelPermits.Approvals.Contracts;

/// <summary>A person of a request (or the person of an application): pending until the request is decided.</summary>
public enum EntryStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
