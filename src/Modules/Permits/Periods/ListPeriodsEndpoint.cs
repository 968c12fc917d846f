using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

/// <summary><c>GET /api/v1/periods</c> (signed in): the periods the caller sees, by start, on one page.</summary>
internal sealed class ListPeriodsEndpoint(PermitsDbContext db) : EndpointWithoutRequest<CursorPage<PeriodResponse>>
{
    public override void Configure()
    {
        Get("periods");
        Group<PermitsApi>();
        Description(route => route.WithTags("Periods").WithName("ListPeriods"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().VisibleTo(HttpContext.Caller()).OrderBy(p => p.StartsAt).ToListAsync(ct);
        await Send.ResultAsync(TypedResults.Ok(new CursorPage<PeriodResponse>(periods.Select(PeriodResponse.From).ToList(), null)));
    }
}
