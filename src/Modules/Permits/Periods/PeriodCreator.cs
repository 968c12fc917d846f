using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// A new validity period: of the approver's city, or of the city an admin names (none: every
/// city). Periods of one city never overlap, nor one of every city with any other. The end is
/// scheduled at once (<see cref="PeriodSchedule"/>).
/// </summary>
internal sealed class PeriodCreator(
    PermitsDbContext db, PeriodSchedule schedule, ActorAccessor actor, TimeProvider time, IGeographyDirectory geography)
{
    public async Task<Period> CreateAsync(CreatePeriodRequest request, CallerScope caller, CancellationToken ct)
    {
        var city = caller.IsAdmin ? NullIfBlank(request.CityCode) : caller.CityCode;
        if (!caller.IsAdmin && NullIfBlank(request.CityCode) is { } asked && asked != city)
        {
            throw ProblemException.NotFound(PeriodTexts.City); // another city is outside an approver's scope
        }
        if (city is not null && await geography.FindCityAsync(city, ct) is null)
        {
            throw ProblemException.Invalid("cityCode", PeriodTexts.NoSuchCity);
        }
        // Whole seconds: what every database keeps exactly.
        var (start, end) = (WholeSeconds(request.StartsAt), WholeSeconds(request.EndsAt));
        // Periods of one city may not overlap, nor one of every city with any other.
        var overlapping = await db.Periods.AsNoTracking()
            .Where(p => city == null || p.CityCode == null || p.CityCode == city)
            .FirstOrDefaultAsync(p => p.StartsAt < end && start < p.EndsAt, ct);
        if (overlapping is not null)
        {
            throw new ProblemException(409, "period_overlap", PeriodTexts.Overlap.Format(overlapping.Label),
                new Dictionary<string, object?> { ["periodId"] = overlapping.Id });
        }
        var now = time.GetUtcNow();
        var period = new Period
        {
            Label = VietnameseText.Normalize(request.Label), CityCode = city, StartsAt = start, EndsAt = end, CreatedAt = now, CreatedBy = actor.Current.Name,
        };
        db.Periods.Add(period);
        db.Audit(actor.Current, "period.created", "period", period.Id.ToString(), now, new { period.Label, cityCode = city, start, end });
        await db.SaveChangesAsync(ct);
        schedule.Schedule(period);
        return period;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
