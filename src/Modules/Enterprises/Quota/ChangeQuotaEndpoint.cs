using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Quota;

/// <summary><c>PUT /api/v1/enterprises/{id}/quota</c> (approver of the city; ward officer of the ward).</summary>
internal sealed class ChangeQuotaEndpoint(QuotaChanger changer) : Endpoint<ChangeQuotaRequest, EnterpriseResponse>
{
    public override void Configure()
    {
        Put("enterprises/{id:guid}/quota");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.WardOfficer);
        Description(route => route.WithName("ChangeQuota").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(ChangeQuotaRequest request, CancellationToken ct) =>
        await Send.OkAsync(EnterpriseResponse.From(await changer.ChangeAsync(Route<Guid>("id"), HttpContext.Caller(), request, ct)), ct);
}
