using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace TravelPermits.Approvals.Contracts;

/// <summary>What a request asks for; JSON, the upload's <c>kind</c> field and the database hold the lower-case names.</summary>
public enum RequestKind
{
    /// <summary>People added to the enterprise's approved list.</summary>
    [JsonStringEnumMemberName("addition"), EnumMember(Value = "addition")]
    Addition,

    /// <summary>A list that replaces the enterprise's approved list whole.</summary>
    [JsonStringEnumMemberName("replacement"), EnumMember(Value = "replacement")]
    Replacement,

    /// <summary>A citizen's individual application (one entry, no enterprise).</summary>
    [JsonStringEnumMemberName("individual"), EnumMember(Value = "individual")]
    Individual,
}
