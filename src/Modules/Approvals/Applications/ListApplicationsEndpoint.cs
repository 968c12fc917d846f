using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Approvals.Applications;

/// <summary>The inbox's query: without <c>status</c>, what awaits the caller's role.</summary>
internal sealed class ListApplicationsRequest
{
    public string? Status { get; init; }
    public string? WardCode { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary><c>GET /api/v1/applications?status=&amp;wardCode=&amp;limit=&amp;cursor=</c>: individual applications in the caller's scope, oldest first.</summary>
internal sealed class ListApplicationsEndpoint(ApplicationInbox inbox) : Endpoint<ListApplicationsRequest, CursorPage<ApplicationResponse>>
{
    public override void Configure()
    {
        Get("applications");
        Group<ApprovalsApi>();
        Roles(ApplicationRoles.Readers);
        Description(route => route.WithTags("Applications").WithName("ListApplications"));
    }

    public override async Task HandleAsync(ListApplicationsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await inbox.ListAsync(HttpContext.Caller(), request, ct), ct);
}
