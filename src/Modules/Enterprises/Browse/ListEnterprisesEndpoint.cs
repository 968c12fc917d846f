using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Browse;

/// <summary>The query of the list: <c>status</c> is the contract's name (<c>pending</c>, <c>active</c>, <c>rejected</c>).</summary>
internal sealed class ListEnterprisesRequest
{
    public string? WardCode { get; init; }
    public string? Status { get; init; }
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// <c>GET /api/v1/enterprises?wardCode=&amp;status=&amp;q=</c> (<c>q</c>: every word of it in the folded
/// name or the tax code), within the caller's scope.
/// </summary>
internal sealed class ListEnterprisesEndpoint(EnterpriseBrowser browser) : Endpoint<ListEnterprisesRequest, CursorPage<EnterpriseResponse>>
{
    public override void Configure()
    {
        Get("enterprises");
        Group<EnterprisesApi>();
        Roles(EnterpriseReaders.All);
        Description(route => route.WithName("ListEnterprises").WithTags("Enterprises"));
    }

    public override async Task HandleAsync(ListEnterprisesRequest request, CancellationToken ct) =>
        await Send.OkAsync(await browser.ListAsync(
            HttpContext.Caller(), request.WardCode, request.Status, request.Q, request.Limit, request.Cursor, ct), ct);
}
