using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Periods;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Figures;

namespace TravelPermits.Permits.Figures;

/// <summary>Permits by status within a scope, and the figures of the scope's current period.</summary>
internal sealed class PermitCounts(PermitsDbContext db)
{
    public async Task<StatusCounts> CountAsync(FigureScope scope, CancellationToken ct) =>
        await ByStatusAsync(Within(scope), ct);

    /// <summary>
    /// The current period of the scope's city (of every city for an admin's figures of no city), or
    /// null when none is current.
    /// </summary>
    public async Task<PeriodFigures?> CurrentPeriodAsync(FigureScope scope, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CurrentAsync(scope.CityCode, now, ct) is not { } period)
        {
            return null;
        }
        var permits = Within(scope);
        var held = await ByStatusAsync(permits.Where(p => p.PeriodId == period.Id), ct);
        var issued = await permits.CountAsync(p => p.IssuedAt >= period.StartsAt && p.IssuedAt < period.EndsAt, ct);
        return new PeriodFigures(period.Id, period.Label, period.CityCode, period.StartsAt, period.EndsAt, issued, held);
    }

    private IQueryable<Permit> Within(FigureScope scope)
    {
        var query = db.Permits.AsNoTracking();
        if (scope.CityCode is { } city)
        {
            query = query.Where(p => p.CityCode == city);
        }
        if (scope.WardCode is { } ward)
        {
            query = query.Where(p => p.WardCode == ward);
        }
        if (scope.EnterpriseId is { } id)
        {
            query = query.Where(p => p.EnterpriseId == id);
        }
        return query;
    }

    private static async Task<StatusCounts> ByStatusAsync(IQueryable<Permit> permits, CancellationToken ct)
    {
        var rows = await permits.GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return StatusCounts.From<PermitStatus>(rows.ToDictionary(r => r.Status, r => r.Count));
    }
}
