using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Approvals.Contracts;

/// <summary>
/// Where an enterprise's request, or an individual application, stands in its ward's chain:
/// <c>submitted -&gt; [verified] -&gt; approved | partially_approved | rejected</c>. JSON and the
/// database both hold the lower-case names given here.
/// </summary>
public enum RequestStatus
{
    [JsonStringEnumMemberName("submitted"), EnumMember(Value = "submitted")]
    Submitted,

    /// <summary>Verified by the area police, where the ward's chain has that step.</summary>
    [JsonStringEnumMemberName("verified"), EnumMember(Value = "verified")]
    Verified,

    [JsonStringEnumMemberName("approved"), EnumMember(Value = "approved")]
    Approved,

    /// <summary>Approved for some of its entries (<c>entryIds</c>), the others rejected.</summary>
    [JsonStringEnumMemberName("partially_approved"), EnumMember(Value = "partially_approved")]
    PartiallyApproved,

    [JsonStringEnumMemberName("rejected"), EnumMember(Value = "rejected")]
    Rejected,
}
