using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Qr;

/// <summary><c>GET /api/v1/permits/{id}/qr.png</c>: the permit's QR code as a PNG file.</summary>
internal sealed class PermitQrPngEndpoint(PermitsDbContext db, QrLinks links) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("permits/{id:guid}/qr.png");
        Group<PermitsApi>();
        Roles(PermitAccess.Readers);
        Description(route => route.WithTags("Permits").WithName("PermitQrPng"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        await Send.ResultAsync(TypedResults.File(QrLinks.Png(links.UrlFor(permit.Token, HttpContext.Request)), "image/png", $"permit-{permit.Id:N}.png"));
    }
}
