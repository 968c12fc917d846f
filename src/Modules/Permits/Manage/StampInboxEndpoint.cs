using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Permits.Browse;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Manage;

internal sealed class StampInboxRequest
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// The ward police's inbox: <c>GET /api/v1/permits/awaiting-stamp</c>, the permits of their ward
/// that wait for the stamp (<c>approved</c>: issued while the ward's chain had police stamping),
/// enterprises' and citizens' alike, oldest first. Their step in the chain is this stamp; requests
/// and applications hold nothing for them.
/// </summary>
internal sealed class StampInboxEndpoint(PermitStamper stamper, QrLinks links) : Endpoint<StampInboxRequest, CursorPage<PermitResponse>>
{
    public override void Configure()
    {
        Get("permits/awaiting-stamp");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.WardPolice);
        Description(route => route.WithTags("Permits").WithName("ListPermitsAwaitingStamp"));
    }

    public override async Task HandleAsync(StampInboxRequest request, CancellationToken ct)
    {
        var page = await stamper.AwaitingAsync(HttpContext.Caller(), request.Limit, request.Cursor, ct);
        await Send.OkAsync(PermitResponse.Page(page, links, HttpContext.Request), ct);
    }
}
