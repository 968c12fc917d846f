using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

/// <summary><c>POST /api/v1/enterprises/{id}/activate</c>: the ward officer or the approver accepts a pending registration.</summary>
internal sealed class ActivateEnterpriseEndpoint(EnterpriseBrowser browser, IGrainFactory grains) : EndpointWithoutRequest<EnterpriseResponse>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/activate");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.Approver);
        Description(route => route.WithName("ActivateEnterprise").WithTags("Enterprises").ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await browser.GetAsync(id, HttpContext.Caller(), ct); // 404 outside the caller's scope
        await grains.GetGrain<IEnterpriseGrain>(id).ActivateAsync();
        await Send.OkAsync(await browser.GetAsync(id, HttpContext.Caller(), ct), ct);
    }
}
