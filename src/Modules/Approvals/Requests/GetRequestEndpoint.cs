using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Requests;

/// <summary><c>GET /api/v1/requests/{id}</c>: a request with its entries, in row order.</summary>
internal sealed class GetRequestEndpoint(RequestInbox inbox) : EndpointWithoutRequest<RequestResponse>
{
    public override void Configure()
    {
        Get("requests/{id:guid}");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Readers);
        Description(route => route.WithTags("Requests").WithName("GetRequest"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await inbox.GetAsync(Route<Guid>("id"), HttpContext.Caller(), ct), ct);
}
