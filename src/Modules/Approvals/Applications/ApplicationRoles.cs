using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Applications;

/// <summary>Who reads individual applications: the officials of the chain, each within its scope (no enterprise).</summary>
internal static class ApplicationRoles
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice];
}
