using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>Who sees which requests and applications, what awaits whom, and how their lists are filtered and paged.</summary>
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

    /// <summary>
    /// <c>?status=</c> of an inbox: without it, what awaits the caller; with it, that status, and
    /// nothing for a name that is no status (as when the column was compared with the text).
    /// </summary>
    public static IQueryable<Request> WithStatus(this IQueryable<Request> query, string? status, CallerScope caller)
    {
        if (string.IsNullOrEmpty(status))
        {
            return query.AwaitingAction(caller);
        }
        return WireNames<RequestStatus>.TryParse(status, out var wanted) ? query.Where(r => r.Status == wanted) : query.Where(_ => false);
    }

    /// <summary>The optional filters of an inbox; a <paramref name="kind"/> that is no kind matches nothing.</summary>
    public static IQueryable<Request> Filter(this IQueryable<Request> query, string? wardCode, Guid? enterpriseId, string? kind)
    {
        if (!string.IsNullOrEmpty(wardCode))
        {
            query = query.Where(r => r.WardCode == wardCode);
        }
        if (enterpriseId is { } enterprise)
        {
            query = query.Where(r => r.EnterpriseId == enterprise);
        }
        if (!string.IsNullOrEmpty(kind))
        {
            query = WireNames<RequestKind>.TryParse(kind, out var wanted) ? query.Where(r => r.Kind == wanted) : query.Where(_ => false);
        }
        return query;
    }

    /// <summary>Oldest first: the inbox is worked through in the order things arrived.</summary>
    public static async Task<CursorPage<T>> PageAsync<T>(this IQueryable<Request> query, int? limit, string? cursor, Func<Request, T> map, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(r => r.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var page = Paging.Page(rows, take, r => r.Id.ToString());
        return new CursorPage<T>(page.Items.Select(map).ToList(), page.NextCursor);
    }
}
