using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Enterprises.Contracts;

/// <summary>
/// Where an enterprise stands: a self-registration waits as <see cref="Pending"/> until a ward
/// officer or approver activates or rejects it; an official's registration is active at once.
/// On the wire and in the database it is the lower-case name (<c>"active"</c>), whatever JSON
/// options serialize it.
/// </summary>
/// <remarks>
/// <c>JsonStringEnumMemberName</c> names the members for System.Text.Json, <c>EnumMember</c> for
/// the OpenAPI document (NJsonSchema reads only the latter).
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<EnterpriseStatus>))]
public enum EnterpriseStatus
{
    [JsonStringEnumMemberName("pending"), EnumMember(Value = "pending")]
    Pending,

    [JsonStringEnumMemberName("active"), EnumMember(Value = "active")]
    Active,

    [JsonStringEnumMemberName("rejected"), EnumMember(Value = "rejected")]
    Rejected,
}
