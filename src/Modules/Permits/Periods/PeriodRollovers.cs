using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// A rollover an approver or admin asks for: both periods visible to the caller and of one city,
/// the receiving one starting at or after the other's end; an approver never carries a period of
/// every city. The carrying itself is <see cref="PeriodEnds.RolloverAsync"/>, as the schedule's.
/// </summary>
internal sealed class PeriodRollovers(PermitsDbContext db, PeriodEnds ends, ActorAccessor actor)
{
    public async Task<RolloverResult> RolloverAsync(Guid fromId, Guid toId, CallerScope caller, CancellationToken ct)
    {
        var from = await db.Periods.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == fromId, ct) ?? throw ProblemException.NotFound(PeriodTexts.Period);
        var to = await db.Periods.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(p => p.Id == toId, ct) ?? throw ProblemException.NotFound(PeriodTexts.Period);
        if (!caller.IsAdmin && from.CityCode is null)
        {
            throw new ProblemException(403, "outside_scope", PeriodTexts.EveryCity);
        }
        if (to.CityCode != from.CityCode)
        {
            throw new ProblemException(409, "invalid_period", PeriodTexts.OtherCity);
        }
        if (to.StartsAt < from.EndsAt)
        {
            throw new ProblemException(409, "invalid_period", PeriodTexts.NotLater.Format(from.Label));
        }
        var begun = await db.Rollovers.AsNoTracking().AnyAsync(r => r.FromPeriodId == from.Id, ct);
        if (from.ClosedAt is not null && !begun)
        {
            throw new ProblemException(409, "period_closed", PeriodTexts.AlreadyClosed);
        }
        try
        {
            return await ends.RolloverAsync(from, to, actor.Current, ct);
        }
        catch (RolloverConflictException e)
        {
            throw new ProblemException(409, "rollover_conflict", PeriodTexts.AlreadyRolling,
                new Dictionary<string, object?> { ["toPeriodId"] = e.ToPeriodId });
        }
    }
}
