using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

internal static class RequestAccess
{
    public static readonly LocalizedText RequestNoun = new("danh sách đề nghị", "request");
    public static readonly LocalizedText ApplicationNoun = new("hồ sơ cá nhân", "application");

    /// <summary>The request (or application) if it exists and the caller may see it; 404 otherwise.</summary>
    public static async Task<Request> FindInScopeAsync(this ApprovalsDbContext db, Guid id, bool individual, CallerScope caller, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var visible = request is not null
            && (request.Kind == RequestKind.Individual) == individual
            && (caller.Role == Roles.Enterprise ? request.EnterpriseId == caller.EnterpriseId : caller.Covers(request.CityCode, request.WardCode));
        return visible ? request! : throw ProblemException.NotFound(individual ? ApplicationNoun : RequestNoun);
    }

    public static IQueryable<Request> InScope(this IQueryable<Request> query, CallerScope caller) => caller.Role switch
    {
        Roles.Admin => query,
        Roles.Approver => query.Where(r => r.CityCode == caller.CityCode),
        Roles.WardOfficer or Roles.AreaPolice or Roles.WardPolice => query.Where(r => r.WardCode == caller.WardCode),
        Roles.Enterprise => query.Where(r => r.EnterpriseId == caller.EnterpriseId),
        _ => query.Where(_ => false),
    };

    /// <summary>
    /// What awaits this role in the chain of requests and applications: verification for the area
    /// police, a decision for officers and approvers; an enterprise follows all of its own. The ward
    /// police have no step here whatever the ward's chain: theirs is the stamp on the permits that
    /// come after approval (<c>GET /api/v1/permits/awaiting-stamp</c>), so nothing here awaits them.
    /// </summary>
    public static IQueryable<Request> AwaitingAction(this IQueryable<Request> query, CallerScope caller) => caller.Role switch
    {
        Roles.AreaPolice => query.Where(r => r.Status == RequestStatus.Submitted && r.RequiresVerification),
        Roles.WardOfficer or Roles.Approver or Roles.Admin => query.Where(r =>
            (r.Status == RequestStatus.Submitted && !r.RequiresVerification) || r.Status == RequestStatus.Verified),
        Roles.Enterprise => query,
        _ => query.Where(_ => false),
    };
}
