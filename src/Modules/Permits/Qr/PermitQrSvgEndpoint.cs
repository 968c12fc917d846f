using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Qr;

/// <summary><c>GET /api/v1/permits/{id}/qr.svg</c>: the permit's QR code as SVG.</summary>
internal sealed class PermitQrSvgEndpoint(PermitsDbContext db, QrLinks links) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("permits/{id:guid}/qr.svg");
        Group<PermitsApi>();
        Roles(PermitAccess.Readers);
        Description(route => route.WithTags("Permits").WithName("PermitQrSvg"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        await Send.ResultAsync(TypedResults.Content(QrLinks.Svg(links.UrlFor(permit.Token, HttpContext.Request)), "image/svg+xml"));
    }
}
