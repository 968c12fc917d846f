using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary><c>GET /api/v1/requests/{id}/file</c>: the uploaded file as the enterprise sent it.</summary>
internal sealed class GetRequestFileEndpoint(RequestInbox inbox) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("requests/{id:guid}/file");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Readers);
        Description(route => route.WithTags("Requests").WithName("GetRequestFile"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var file = await inbox.FileAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        await Send.ResultAsync(TypedResults.File(file.Content, file.ContentType, file.FileName));
    }
}
