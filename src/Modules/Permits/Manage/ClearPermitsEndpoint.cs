using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Manage;

internal sealed record ClearRequest(Guid PeriodId, string Reason);

internal sealed class ClearRequestValidator : AbstractValidator<ClearRequest>
{
    public ClearRequestValidator()
    {
        RuleFor(r => r.PeriodId).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

/// <summary>
/// <c>POST /api/v1/enterprises/{id}/permits/clear</c> (approver): revokes every live permit of the
/// enterprise in a period, before a replacement list is approved.
/// </summary>
internal sealed class ClearPermitsEndpoint(PermitRevoker revoker) : Endpoint<ClearRequest, RevokeResponse>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/permits/clear");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Approver);
        Description(route => route.WithTags("Permits").WithName("ClearPermits"));
    }

    public override async Task HandleAsync(ClearRequest request, CancellationToken ct) =>
        await Send.OkAsync(new RevokeResponse(
            await revoker.ClearAsync(Route<Guid>("id"), HttpContext.Caller(), request.PeriodId, request.Reason, ct)), ct);
}
