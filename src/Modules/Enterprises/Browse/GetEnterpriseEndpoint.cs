using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Browse;

/// <summary><c>GET /api/v1/enterprises/{id}</c>, within the caller's scope (404 outside it, and for an id that is not a GUID).</summary>
internal sealed class GetEnterpriseEndpoint(EnterpriseBrowser browser) : EndpointWithoutRequest<EnterpriseResponse>
{
    public override void Configure()
    {
        Get("enterprises/{id:guid}");
        Group<EnterprisesApi>();
        Roles(EnterpriseReaders.All);
        Description(route => route.WithName("GetEnterprise").WithTags("Enterprises"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await browser.GetAsync(Route<Guid>("id"), HttpContext.Caller(), ct), ct);
}
