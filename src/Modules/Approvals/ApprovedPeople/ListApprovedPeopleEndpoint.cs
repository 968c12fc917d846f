using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.ApprovedPeople;

internal sealed class ListApprovedPeopleRequest
{
    public string? Q { get; init; }
    public bool WithoutPermit { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// <c>GET /api/v1/enterprises/{id}/approved-people?q=&amp;withoutPermit=&amp;limit=&amp;cursor=</c>: the
/// enterprise's approved list (the enterprise itself, officials in scope); the permits screen asks
/// for the people without a live permit, to issue them one.
/// </summary>
internal sealed class ListApprovedPeopleEndpoint(ApprovedPeopleList list) : Endpoint<ListApprovedPeopleRequest, CursorPage<ApprovedPersonResponse>>
{
    public override void Configure()
    {
        Get("enterprises/{id:guid}/approved-people");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Readers);
        Description(route => route.WithTags("Requests").WithName("ListApprovedPeople"));
    }

    public override async Task HandleAsync(ListApprovedPeopleRequest request, CancellationToken ct) =>
        await Send.OkAsync(await list.PageAsync(Route<Guid>("id"), HttpContext.Caller(), request.Q, request.WithoutPermit, request.Limit, request.Cursor, ct), ct);
}
