using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Applications;

/// <summary><c>POST /api/v1/applications/{id}/reject</c>: rejects the application with a reason (<see cref="RejectRequest"/>).</summary>
internal sealed class RejectApplicationEndpoint(ApplicationDecisions decisions) : Endpoint<RejectRequest, ApplicationResponse>
{
    public override void Configure()
    {
        Post("applications/{id:guid}/reject");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Deciders);
        Description(route => route.WithTags("Applications").WithName("RejectApplication"));
    }

    public override async Task HandleAsync(RejectRequest request, CancellationToken ct) =>
        await Send.OkAsync(await decisions.RejectAsync(Route<Guid>("id"), request.Reason, HttpContext.Caller(), ct), ct);
}
