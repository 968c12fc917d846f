using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Approvals.Contracts;

/// <summary>A person of a request (or the person of an application): pending until the request is decided.</summary>
public enum EntryStatus
{
    [JsonStringEnumMemberName("pending"), EnumMember(Value = "pending")]
    Pending,

    [JsonStringEnumMemberName("approved"), EnumMember(Value = "approved")]
    Approved,

    [JsonStringEnumMemberName("rejected"), EnumMember(Value = "rejected")]
    Rejected,
}
