using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Requests;

/// <summary><c>POST /api/v1/requests/{id}/verify</c>: the area police verify a submitted request, where the ward's chain asks it.</summary>
internal sealed class VerifyRequestEndpoint(RequestDecisions decisions) : EndpointWithoutRequest<RequestResponse>
{
    public override void Configure()
    {
        Post("requests/{id:guid}/verify");
        Group<ApprovalsApi>();
        Roles(SharedKernel.Security.Roles.AreaPolice);
        Description(route => route.WithTags("Requests").WithName("VerifyRequest"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await decisions.VerifyAsync(Route<Guid>("id"), HttpContext.Caller(), ct), ct);
}
