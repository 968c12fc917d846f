using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// Which periods hold a city's permits, which one is current, and which one a permit issued now
/// goes into. Extensions of the module's context, so that a caller inside another transaction
/// (an individual permit written in the approval's) asks on its own connection.
/// </summary>
internal static class CurrentPeriods
{
    /// <summary>The periods that hold a city's permits: its own, and those of every city.</summary>
    public static IQueryable<Period> OfCity(this IQueryable<Period> periods, string? cityCode) =>
        periods.Where(p => p.CityCode == null || p.CityCode == cityCode);

    /// <summary>The periods the caller sees: an admin all of them; anyone else those of their city.</summary>
    public static IQueryable<Period> VisibleTo(this IQueryable<Period> periods, CallerScope caller) =>
        caller.IsAdmin ? periods : periods.OfCity(caller.CityCode);

    /// <summary>The city's current period (its own before one of every city).</summary>
    public static Task<Period?> CurrentAsync(this PermitsDbContext db, string? cityCode, DateTimeOffset now, CancellationToken ct) =>
        db.Periods.AsNoTracking().OfCity(cityCode).Where(p => p.StartsAt <= now && now < p.EndsAt)
            .OrderBy(p => p.CityCode == null).ThenBy(p => p.StartsAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The period a permit issued now belongs to: the current one, or, once the current one is
    /// being carried into its successor, the successor (so that nothing issued late is left behind).
    /// </summary>
    public static async Task<Period?> IssuingPeriodAsync(this PermitsDbContext db, string cityCode, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.CurrentAsync(cityCode, now, ct);
        if (current is null || await db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromPeriodId == current.Id, ct) is not { } rollover)
        {
            return current;
        }
        return await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == rollover.ToPeriodId, ct) ?? current;
    }
}
