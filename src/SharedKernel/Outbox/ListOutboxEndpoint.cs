using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.SharedKernel.Outbox;

internal sealed record OutboxItem(Guid Id, string To, string Subject, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

internal sealed class ListOutboxRequest
{
    /// <summary><c>pending</c>, <c>sent</c> or <c>failed</c> (any case); read here rather than bound, so that another value gets the contract's message.</summary>
    public string? Status { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary><c>GET /api/v1/admin/outbox?status=failed</c>: what the dispatcher holds, for the admin.</summary>
internal sealed class ListOutboxEndpoint(PlatformDbContext db) : Endpoint<ListOutboxRequest, CursorPage<OutboxItem>>
{
    private static readonly LocalizedText UnknownStatus = new(
        "status phải là pending, sent hoặc failed.", "status must be pending, sent or failed.");

    public override void Configure()
    {
        Get("admin/outbox");
        Group<PlatformApi>();
        Roles(Security.Roles.Admin);
        Description(route => route.WithTags("Administration").WithName("ListOutbox"));
    }

    public override async Task HandleAsync(ListOutboxRequest request, CancellationToken ct)
    {
        var take = Paging.Paging.Limit(request.Limit);
        var query = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Status))
        {
            if (!Enum.TryParse<OutboxStatus>(request.Status, ignoreCase: true, out var wanted) || int.TryParse(request.Status, out _))
            {
                throw ProblemException.Invalid("status", UnknownStatus);
            }
            query = query.Where(m => m.Status == wanted);
        }
        if (Paging.Paging.DecodeGuid(request.Cursor) is { } position)
        {
            query = query.Where(m => m.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(m => m.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Select(m => new OutboxItem(m.Id, m.To, m.Subject, m.Status.ToString().ToLowerInvariant(), m.Attempts,
            m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError)).ToList();
        await Send.OkAsync(Paging.Paging.Page(items, take, m => m.Id.ToString()), ct);
    }
}
