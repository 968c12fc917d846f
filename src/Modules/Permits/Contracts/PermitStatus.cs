using System.Text.Json.Serialization;

namespace TravelPermits.Permits.Contracts;

/// <summary>A permit's status; in JSON and in the database under the contract's names (<c>approved</c>, ...).</summary>
public enum PermitStatus
{
    /// <summary>Issued by the enterprise, waiting for the ward police's stamp.</summary>
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("stamped")] Stamped,
    [JsonStringEnumMemberName("issued")] Issued,
    [JsonStringEnumMemberName("revoked")] Revoked,
    [JsonStringEnumMemberName("expired")] Expired,
}
