using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Applications;

/// <summary><c>POST /api/v1/applications/{id}/approve</c>: approves the application (no body); the answer carries the citizen's permit id.</summary>
internal sealed class ApproveApplicationEndpoint(ApplicationDecisions decisions) : EndpointWithoutRequest<ApplicationResponse>
{
    public override void Configure()
    {
        Post("applications/{id:guid}/approve");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Deciders);
        Description(route => route.WithTags("Applications").WithName("ApproveApplication"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await decisions.ApproveAsync(Route<Guid>("id"), HttpContext.Caller(), ct), ct);
}
