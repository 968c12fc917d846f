using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Browse;

/// <summary>Who may read enterprises at all; each sees those of their own scope.</summary>
internal static class EnterpriseReaders
{
    public static readonly string[] All =
        [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise];
}
