using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.SharedKernel.Audit;

internal sealed record AuditItem(long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement? Details);

internal sealed class ListAuditRequest
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Action { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

internal sealed class ListAuditRequestValidator : AbstractValidator<ListAuditRequest>
{
    public ListAuditRequestValidator()
    {
        RuleFor(r => r.EntityType).MaximumLength(50);
        RuleFor(r => r.EntityId).MaximumLength(100);
        RuleFor(r => r.Action).MaximumLength(100);
    }
}

/// <summary>
/// <c>GET /api/v1/audit?entityType=&amp;entityId=&amp;action=</c>: newest first; an approver sees the lines
/// of their city. <c>action</c> is a whole action (<c>enterprise.activated</c>) or, ending in a dot, every
/// action of a kind (<c>enterprise.</c>).
/// </summary>
internal sealed class ListAuditEndpoint(PlatformDbContext db) : Endpoint<ListAuditRequest, CursorPage<AuditItem>>
{
    public override void Configure()
    {
        Get("audit");
        Group<PlatformApi>();
        Roles(Security.Roles.Admin, Security.Roles.Approver);
        Description(route => route.WithTags("Audit").WithName("ListAudit"));
    }

    public override async Task HandleAsync(ListAuditRequest request, CancellationToken ct)
    {
        var take = Paging.Paging.Limit(request.Limit);
        var after = Paging.Paging.DecodeLong(request.Cursor);
        var caller = HttpContext.Caller();
        var query = db.AuditEntries.AsNoTracking();
        if (!caller.IsAdmin)
        {
            query = query.Where(a => a.CityCode == caller.CityCode);
        }
        if (!string.IsNullOrEmpty(request.EntityType))
        {
            query = query.Where(a => a.EntityType == request.EntityType);
        }
        if (!string.IsNullOrEmpty(request.EntityId))
        {
            query = query.Where(a => a.EntityId == request.EntityId);
        }
        if (request.Action is { Length: > 0 } action)
        {
            query = action.EndsWith('.')
                ? query.Where(a => a.Action.StartsWith(action))
                : query.Where(a => a.Action == action);
        }
        if (after is { } position)
        {
            query = query.Where(a => a.Id < position);
        }
        var rows = (await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(ct))
            .Select(a => new AuditItem(a.Id, a.At, a.Actor, a.Action, a.EntityType, a.EntityId,
                a.Details is null ? null : System.Text.Json.JsonDocument.Parse(a.Details).RootElement.Clone()))
            .ToList();
        await Send.OkAsync(Paging.Paging.Page(rows, take, a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
    }
}
