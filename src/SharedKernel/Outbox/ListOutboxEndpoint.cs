using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.SharedKernel.Outbox;

internal sealed record OutboxItem(Guid Id, string To, string Subject, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary><c>GET /api/v1/admin/outbox?status=failed</c>: what the dispatcher holds, for the admin.</summary>
internal static class ListOutboxEndpoint
{
    private static readonly LocalizedText UnknownStatus = new(
        "status phải là pending, sent hoặc failed.", "status must be pending, sent or failed.");

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/admin/outbox", Handle)
            .RequireRoles(Roles.Admin)
            .WithTags("Administration")
            .WithName("ListOutbox");

    private static async Task<Ok<CursorPage<OutboxItem>>> Handle(
        PlatformDbContext db, string? status, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Paging.Limit(limit);
        var query = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                throw ProblemException.Invalid("status", UnknownStatus);
            }
            query = query.Where(m => m.Status == wanted);
        }
        if (Paging.Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(m => m.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(m => m.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Select(m => new OutboxItem(m.Id, m.To, m.Subject, m.Status.ToString().ToLowerInvariant(), m.Attempts,
            m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError)).ToList();
        return TypedResults.Ok(Paging.Paging.Page(items, take, m => m.Id.ToString()));
    }
}
