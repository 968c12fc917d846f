using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>Who takes part in the requests' chain, named once for its endpoints.</summary>
internal static class RequestRoles
{
    /// <summary>Everyone who reads requests: the officials of the chain and the enterprise itself (each within its scope).</summary>
    public static readonly string[] Readers = [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise];

    /// <summary>Who approves or rejects requests and applications.</summary>
    public static readonly string[] Deciders = [Roles.WardOfficer, Roles.Approver];
}
