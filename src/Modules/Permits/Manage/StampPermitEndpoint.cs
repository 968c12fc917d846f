using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Browse;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Manage;

/// <summary><c>POST /api/v1/permits/{id}/stamp</c> (ward police): the stamp that puts an approved permit in force.</summary>
internal sealed class StampPermitEndpoint(PermitStamper stamper, QrLinks links) : EndpointWithoutRequest<PermitResponse>
{
    public override void Configure()
    {
        Post("permits/{id:guid}/stamp");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.WardPolice);
        Description(route => route.WithTags("Permits").ProducesProblem(StatusCodes.Status409Conflict).WithName("StampPermit"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var permit = await stamper.StampAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        await Send.OkAsync(PermitResponse.From(permit, links, HttpContext.Request), ct);
    }
}
