using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Requests;

/// <summary>The inbox's query: without <c>status</c>, what awaits the caller's role.</summary>
internal sealed class ListRequestsRequest
{
    public string? Status { get; init; }
    public string? WardCode { get; init; }
    public Guid? EnterpriseId { get; init; }
    public string? Kind { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary><c>GET /api/v1/requests?status=&amp;wardCode=&amp;enterpriseId=&amp;kind=&amp;limit=&amp;cursor=</c>: enterprises' requests in the caller's scope, oldest first.</summary>
internal sealed class ListRequestsEndpoint(RequestInbox inbox) : Endpoint<ListRequestsRequest, CursorPage<RequestResponse>>
{
    public override void Configure()
    {
        Get("requests");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Readers);
        Description(route => route.WithTags("Requests").WithName("ListRequests"));
    }

    public override async Task HandleAsync(ListRequestsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await inbox.ListAsync(HttpContext.Caller(), request, ct), ct);
}
