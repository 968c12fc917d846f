using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

/// <summary><c>POST /api/v1/enterprises/{id}/activate</c>: the ward officer or the approver accepts a pending registration.</summary>
internal sealed class ActivateEnterpriseEndpoint(EnterpriseRegistrar registrar) : EndpointWithoutRequest<EnterpriseResponse>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/activate");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.Approver);
        Description(route => route.WithName("ActivateEnterprise").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(EnterpriseResponse.From(await registrar.ActivateAsync(Route<Guid>("id"), HttpContext.Caller(), ct)), ct);
}
