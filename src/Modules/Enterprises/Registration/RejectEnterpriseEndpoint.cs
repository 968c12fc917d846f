using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

internal sealed record RejectRequest(string Reason);

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}

/// <summary><c>POST /api/v1/enterprises/{id}/reject</c>: the ward officer or the approver refuses a pending registration, with a reason.</summary>
internal sealed class RejectEnterpriseEndpoint(EnterpriseBrowser browser, IGrainFactory grains) : Endpoint<RejectRequest, EnterpriseResponse>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/reject");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.Approver);
        Description(route => route.WithName("RejectEnterprise").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(RejectRequest request, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await browser.GetAsync(id, HttpContext.Caller(), ct); // 404 outside the caller's scope
        await grains.GetGrain<IEnterpriseGrain>(id).RejectAsync(request.Reason);
        await Send.OkAsync(await browser.GetAsync(id, HttpContext.Caller(), ct), ct);
    }
}
