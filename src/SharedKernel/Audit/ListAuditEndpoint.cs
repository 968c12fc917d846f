using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.SharedKernel.Audit;

internal sealed record AuditItem(long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement? Details);

/// <summary><c>GET /api/v1/audit</c>: newest first; an approver sees the lines of their city.</summary>
internal static class ListAuditEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/audit", Handle)
            .RequireRoles(Roles.Admin, Roles.Approver)
            .WithTags("Audit")
            .WithName("ListAudit");

    private static async Task<Ok<CursorPage<AuditItem>>> Handle(
        HttpContext http, PlatformDbContext db, string? entityType, string? entityId, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Paging.Limit(limit);
        var after = Paging.Paging.DecodeLong(cursor);
        var caller = http.Caller();
        var query = db.AuditEntries.AsNoTracking();
        if (!caller.IsAdmin)
        {
            query = query.Where(a => a.CityCode == caller.CityCode);
        }
        if (!string.IsNullOrEmpty(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }
        if (!string.IsNullOrEmpty(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }
        if (after is { } position)
        {
            query = query.Where(a => a.Id < position);
        }
        var rows = (await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(ct))
            .Select(a => new AuditItem(a.Id, a.At, a.Actor, a.Action, a.EntityType, a.EntityId,
                a.Details is null ? null : System.Text.Json.JsonDocument.Parse(a.Details).RootElement.Clone()))
            .ToList();
        return TypedResults.Ok(Paging.Paging.Page(rows, take, a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
