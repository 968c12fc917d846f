using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Browse;

internal sealed class ListPermitsRequest
{
    public string? Status { get; init; }
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary><c>GET /api/v1/enterprises/{id}/permits?status=&amp;q=&amp;limit=&amp;cursor=</c>: the enterprise's permits.</summary>
internal sealed class ListPermitsEndpoint(PermitList list, QrLinks links) : Endpoint<ListPermitsRequest, CursorPage<PermitResponse>>
{
    public override void Configure()
    {
        Get("enterprises/{id:guid}/permits");
        Group<PermitsApi>();
        Roles(PermitAccess.Readers);
        Description(route => route.WithTags("Permits").WithName("ListPermits"));
    }

    public override async Task HandleAsync(ListPermitsRequest request, CancellationToken ct)
    {
        var page = await list.PageAsync(Route<Guid>("id"), HttpContext.Caller(), request.Status, request.Q, request.Limit, request.Cursor, ct);
        await Send.OkAsync(PermitResponse.Page(page, links, HttpContext.Request), ct);
    }
}
