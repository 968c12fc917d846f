using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Figures;

internal sealed class StatsRequest
{
    public string? CityCode { get; init; }
    public string? WardCode { get; init; }
    public Guid? EnterpriseId { get; init; }
}

internal sealed class StatsRequestValidator : AbstractValidator<StatsRequest>
{
    public StatsRequestValidator()
    {
        // The catalogue's codes: digits (a city "48", a ward "20227").
        RuleFor(r => r.CityCode).Matches("^[0-9]{1,10}$");
        RuleFor(r => r.WardCode).Matches("^[0-9]{1,10}$");
    }
}

/// <summary>
/// <c>GET /api/v1/stats?cityCode=&amp;wardCode=&amp;enterpriseId=</c>: enterprises, requests, applications
/// and permits by status in the caller's scope, and the current period's figures. The permits module
/// answers it because it is the one module that may ask the others (through their Contracts) for
/// their counts; each counts its own tables.
/// </summary>
internal sealed class StatsEndpoint(
    StatsScopes scopes, IEnterpriseFigures enterprises, IRequestFigures requests, PermitCounts permits, TimeProvider time)
    : Endpoint<StatsRequest, StatsResponse>
{
    public override void Configure()
    {
        Get("stats");
        Group<PermitsApi>();
        Roles(PermitAccess.Readers); // officials and enterprises; a checkpoint verifies permits and has no figures
        Description(route => route.WithTags("Statistics").WithName("GetStats"));
    }

    public override async Task HandleAsync(StatsRequest request, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var scope = await scopes.ResolveAsync(caller, Blank(request.CityCode), Blank(request.WardCode), request.EnterpriseId, ct);
        var now = time.GetUtcNow();
        var counted = await enterprises.CountAsync(scope, ct);
        var asked = await requests.CountAsync(scope, ct);
        await Send.OkAsync(new StatsResponse(
            new StatsScope(scope.CityCode, scope.WardCode, scope.EnterpriseId),
            StatusCounts.From(counted.ByStatus),
            new Places(counted.Quota, counted.ActivePermits),
            StatusCounts.From(asked.Requests),
            StatusCounts.From(asked.Applications),
            await permits.CountAsync(scope, ct),
            await permits.CurrentPeriodAsync(scope, now, ct),
            now), ct);
    }

    private static string? Blank(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();
}
