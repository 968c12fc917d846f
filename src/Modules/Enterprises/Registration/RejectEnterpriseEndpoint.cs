using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

internal sealed record RejectRequest(string Reason);

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}

/// <summary><c>POST /api/v1/enterprises/{id}/reject</c>: the ward officer or the approver refuses a pending registration, with a reason.</summary>
internal sealed class RejectEnterpriseEndpoint(EnterpriseRegistrar registrar) : Endpoint<RejectRequest, EnterpriseResponse>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/reject");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.Approver);
        Description(route => route.WithName("RejectEnterprise").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(RejectRequest request, CancellationToken ct) =>
        await Send.OkAsync(EnterpriseResponse.From(await registrar.RejectAsync(Route<Guid>("id"), HttpContext.Caller(), request.Reason, ct)), ct);
}
