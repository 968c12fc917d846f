using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Issue;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Manage;

/// <summary>
/// The ward police's inbox: <c>GET /api/v1/permits/awaiting-stamp</c>, the permits of their ward
/// that wait for the stamp (<c>approved</c>: issued while the ward's chain had police stamping),
/// enterprises' and citizens' alike, oldest first. Their step in the chain is this stamp; requests
/// and applications hold nothing for them.
/// </summary>
internal static class StampInbox
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/permits/awaiting-stamp", List).RequireRoles(Roles.WardPolice)
            .WithTags("Permits").WithName("ListPermitsAwaitingStamp");

    private static async Task<Ok<CursorPage<PermitResponse>>> List(
        PermitsDbContext db, QrLinks links, HttpContext http, int? limit, string? cursor, CancellationToken ct)
    {
        var ward = http.Caller().WardCode;
        var take = Paging.Limit(limit);
        // The index (WardCode, Status) finds them: permits waiting for a stamp are the ward's work in hand, few at a time.
        var query = db.Permits.AsNoTracking().Where(p => p.WardCode == ward && p.Status == PermitStatus.Approved);
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(p => p.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.Page(rows.Select(p => PermitResponse.From(p, links.UrlFor(p.Token, http.Request))).ToList(), take, p => p.Id.ToString()));
    }
}
