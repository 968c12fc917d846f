using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits;

internal static class PermitAccess
{
    /// <summary>Who may read permits (each within their reach): everyone but checkpoints, who verify tokens instead.</summary>
    public static readonly string[] Readers = [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise];

    public static bool Sees(this CallerScope caller, Permit permit) => caller.Role == Roles.Enterprise
        ? permit.EnterpriseId == caller.EnterpriseId
        : caller.Covers(permit.CityCode, permit.WardCode);

    public static async Task<Permit> FindInScopeAsync(this PermitsDbContext db, Guid id, CallerScope caller, CancellationToken ct)
    {
        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return permit is not null && caller.Sees(permit) ? permit : throw ProblemException.NotFound(PermitTexts.Permit);
    }
}
