using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

/// <summary><c>cityCode</c>: whose current period; by default the caller's city (anonymous: the periods of every city).</summary>
internal sealed class CurrentPeriodRequest
{
    public string? CityCode { get; init; }
}

/// <summary><c>GET /api/v1/periods/current?cityCode=</c> (anyone): the period permits are valid in now; 404 between periods.</summary>
internal sealed class CurrentPeriodEndpoint(PermitsDbContext db, TimeProvider time) : Endpoint<CurrentPeriodRequest, PeriodResponse>
{
    public override void Configure()
    {
        Get("periods/current");
        Group<PermitsApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Periods").WithName("CurrentPeriod"));
    }

    public override async Task HandleAsync(CurrentPeriodRequest request, CancellationToken ct)
    {
        var city = string.IsNullOrWhiteSpace(request.CityCode) ? HttpContext.Caller().CityCode : request.CityCode;
        var period = await db.CurrentAsync(city, time.GetUtcNow(), ct) ?? throw ProblemException.NotFound(PeriodTexts.Period);
        await Send.ResultAsync(TypedResults.Ok(PeriodResponse.From(period)));
    }
}
