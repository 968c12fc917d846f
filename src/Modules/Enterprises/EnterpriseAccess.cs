using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises;

internal static class EnterpriseAccess
{
    /// <summary>The enterprise if it exists and is within the caller's scope; 404 otherwise, whichever it is.</summary>
    public static async Task<Enterprise> FindInScopeAsync(this EnterprisesDbContext db, Guid id, CallerScope caller, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return enterprise is not null && caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode)
            ? enterprise
            : throw ProblemException.NotFound(EnterpriseTexts.Enterprise);
    }

    /// <summary>Narrows a query to the enterprises the caller may see.</summary>
    public static IQueryable<Enterprise> InScope(this IQueryable<Enterprise> query, CallerScope caller) => caller.Role switch
    {
        Roles.Admin => query,
        Roles.Approver or Roles.Checkpoint => query.Where(e => e.CityCode == caller.CityCode),
        Roles.WardOfficer or Roles.AreaPolice or Roles.WardPolice => query.Where(e => e.WardCode == caller.WardCode),
        Roles.Enterprise => query.Where(e => e.Id == caller.EnterpriseId),
        _ => query.Where(_ => false),
    };
}
