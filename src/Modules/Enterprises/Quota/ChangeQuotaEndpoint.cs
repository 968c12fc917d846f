using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Quota;

/// <summary><c>PUT /api/v1/enterprises/{id}/quota</c> (approver of the city; ward officer of the ward).</summary>
internal sealed class ChangeQuotaEndpoint(EnterpriseBrowser browser, IGrainFactory grains) : Endpoint<ChangeQuotaRequest, EnterpriseResponse>
{
    public override void Configure()
    {
        Put("enterprises/{id:guid}/quota");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.WardOfficer);
        Description(route => route.WithName("ChangeQuota").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(ChangeQuotaRequest request, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await browser.GetAsync(id, HttpContext.Caller(), ct); // 404 outside the caller's scope
        await grains.GetGrain<IEnterpriseGrain>(id).ChangeQuotaAsync(new QuotaChange(request.Workforce, request.RatioPercent, request.Quota, request.Reason));
        await Send.OkAsync(await browser.GetAsync(id, HttpContext.Caller(), ct), ct);
    }
}
