using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Levels;

internal sealed class WardLevelsRequest
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// <c>GET /api/v1/wards/{code}/levels?limit=&amp;cursor=</c>: the ward's level in force and its history,
/// for the officials whose scope holds the ward (404 for any other ward).
/// </summary>
internal sealed class GetWardLevelsEndpoint(WardLevelService levels) : Endpoint<WardLevelsRequest, WardLevelHistoryResponse>
{
    public override void Configure()
    {
        Get("wards/{code}/levels");
        Group<EnterprisesApi>();
        Roles(
            SharedKernel.Security.Roles.Admin, SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Checkpoint,
            SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.AreaPolice, SharedKernel.Security.Roles.WardPolice);
        Description(route => route.WithName("GetWardLevels").WithTags("Policies"));
    }

    public override async Task HandleAsync(WardLevelsRequest request, CancellationToken ct) =>
        await Send.OkAsync(await levels.HistoryAsync(Route<string>("code")!, HttpContext.Caller(), request.Limit, request.Cursor, ct), ct);
}
