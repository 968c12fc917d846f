using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Browse;

/// <summary><c>GET /api/v1/permits/{id}</c>: one permit within the caller's reach.</summary>
internal sealed class GetPermitEndpoint(PermitsDbContext db, QrLinks links) : EndpointWithoutRequest<PermitResponse>
{
    public override void Configure()
    {
        Get("permits/{id:guid}");
        Group<PermitsApi>();
        Roles(PermitAccess.Readers);
        Description(route => route.WithTags("Permits").WithName("GetPermit"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        await Send.OkAsync(PermitResponse.From(permit, links, HttpContext.Request), ct);
    }
}
