using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Applications;

/// <summary><c>GET /api/v1/applications/{id}</c>: an application with its person.</summary>
internal sealed class GetApplicationEndpoint(ApplicationInbox inbox) : EndpointWithoutRequest<ApplicationResponse>
{
    public override void Configure()
    {
        Get("applications/{id:guid}");
        Group<ApprovalsApi>();
        Roles(ApplicationRoles.Readers);
        Description(route => route.WithTags("Applications").WithName("GetApplication"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await inbox.GetAsync(Route<Guid>("id"), HttpContext.Caller(), ct), ct);
}
