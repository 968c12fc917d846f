using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Requests;

/// <summary>A rejection and its reason, told to the enterprise (requests) or kept with the application.</summary>
internal sealed record RejectRequest(string Reason);

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}

/// <summary><c>POST /api/v1/requests/{id}/reject</c>: rejects a request that awaits verification or a decision.</summary>
internal sealed class RejectRequestEndpoint(RequestDecisions decisions) : Endpoint<RejectRequest, RequestResponse>
{
    public override void Configure()
    {
        Post("requests/{id:guid}/reject");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Deciders);
        Description(route => route.WithTags("Requests").WithName("RejectRequest"));
    }

    public override async Task HandleAsync(RejectRequest request, CancellationToken ct) =>
        await Send.OkAsync(await decisions.RejectAsync(Route<Guid>("id"), request.Reason, HttpContext.Caller(), ct), ct);
}
