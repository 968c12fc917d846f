using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Permits.Contracts;

/// <summary>
/// Where a permit stands. JSON and the database spell each status as the contract does
/// (<c>"issued"</c>), whatever serializer options are in use.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitStatus>))]
public enum PermitStatus
{
    /// <summary>Issued while the ward's chain has police stamping: waiting for the ward police's stamp.</summary>
    [JsonStringEnumMemberName("approved"), EnumMember(Value = "approved")] Approved,

    [JsonStringEnumMemberName("stamped"), EnumMember(Value = "stamped")] Stamped,

    /// <summary>In force (within its validity).</summary>
    [JsonStringEnumMemberName("issued"), EnumMember(Value = "issued")] Issued,

    [JsonStringEnumMemberName("revoked"), EnumMember(Value = "revoked")] Revoked,

    /// <summary>Its period ended without a successor to carry it into.</summary>
    [JsonStringEnumMemberName("expired"), EnumMember(Value = "expired")] Expired,
}
