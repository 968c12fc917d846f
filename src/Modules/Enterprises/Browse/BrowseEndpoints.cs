using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Browse;

/// <summary>
/// <c>GET /api/v1/enterprises?wardCode=&amp;status=&amp;q=</c> (<c>q</c>: every word of it in the folded
/// name or the tax code) and <c>GET /api/v1/enterprises/{id}</c>, within the caller's scope.
/// </summary>
internal static class BrowseEndpoints
{

    private static readonly string[] Readers =
        [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/enterprises", List).RequireRoles(Readers).WithTags("Enterprises").WithName("ListEnterprises");
        routes.MapGet("/api/v1/enterprises/{id:guid}", Get).RequireRoles(Readers).WithTags("Enterprises").WithName("GetEnterprise");
    }

    private static async Task<Ok<EnterpriseResponse>> Get(Guid id, EnterprisesDbContext db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(EnterpriseResponse.From(await db.FindInScopeAsync(id, http.Caller(), ct)));

    private static async Task<Ok<CursorPage<EnterpriseResponse>>> List(
        EnterprisesDbContext db, HttpContext http, string? wardCode, string? status, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Enterprises.AsNoTracking().InScope(http.Caller());
        if (!string.IsNullOrEmpty(wardCode))
        {
            query = query.Where(e => e.WardCode == wardCode);
        }
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(e => e.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Every word, in any order: "cong ty thep" finds "Công ty Cổ phần Thép Đà Nẵng".
            foreach (var pattern in SearchWords.Patterns(q))
            {
                query = query.Where(e => EF.Functions.Like(e.SearchKey, pattern, "\\"));
            }
        }
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(e => e.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.Page(rows.Select(EnterpriseResponse.From).ToList(), take, e => e.Id.ToString()));
    }
}
