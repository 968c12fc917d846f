using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Manage;

internal sealed record RevokeRequest(IReadOnlyList<Guid> PermitIds, string Reason);

internal sealed record RevokeResponse(int Revoked);

internal sealed class RevokeRequestValidator : AbstractValidator<RevokeRequest>
{
    public RevokeRequestValidator()
    {
        RuleFor(r => r.PermitIds).NotNull().Must(ids => ids is { Count: > 0 and <= 10_000 });
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

/// <summary>
/// <c>POST /api/v1/permits/revoke</c>: the enterprise revokes its own permits, officials those in
/// their reach; answers how many were revoked by this call.
/// </summary>
internal sealed class RevokePermitsEndpoint(PermitRevoker revoker) : Endpoint<RevokeRequest, RevokeResponse>
{
    public override void Configure()
    {
        Post("permits/revoke");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Enterprise, SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.WardOfficer);
        Description(route => route.WithTags("Permits").WithName("RevokePermits"));
    }

    public override async Task HandleAsync(RevokeRequest request, CancellationToken ct) =>
        await Send.OkAsync(new RevokeResponse(await revoker.RevokeInReachAsync(request.PermitIds, HttpContext.Caller(), request.Reason, ct)), ct);
}
