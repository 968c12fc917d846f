using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Places;

/// <summary>
/// Places that permits give back when they are revoked or expire. The return is written in the
/// transaction that ends the permits (<see cref="Add"/>), then handed to the enterprise's grain,
/// which applies it once by its id (<see cref="DeliverAsync"/>); a return not delivered, because the
/// process died or the grain could not be reached, is delivered by <see cref="PlaceReturnSweep"/>.
/// </summary>
internal sealed partial class PlaceReturns(PermitsDbContext db, IGrainFactory grains, TimeProvider time, ILogger<PlaceReturns> logger)
{
    /// <summary>Adds the return to the context's pending changes: it exists once they are committed, and only then.</summary>
    public PlaceReturn Add(Guid enterpriseId, int places)
    {
        var placeReturn = new PlaceReturn { EnterpriseId = enterpriseId, Places = places, CreatedAt = time.GetUtcNow() };
        db.PlaceReturns.Add(placeReturn);
        return placeReturn;
    }

    /// <summary>Hands committed returns to their enterprises; one that fails is left for the sweep.</summary>
    public async Task DeliverAsync(IEnumerable<PlaceReturn> returns, CancellationToken ct)
    {
        foreach (var placeReturn in returns)
        {
            try
            {
                await grains.GetGrain<IEnterpriseGrain>(placeReturn.EnterpriseId).ReturnPlacesAsync(placeReturn.Id, placeReturn.Places);
                var now = time.GetUtcNow();
                await db.PlaceReturns.Where(r => r.Id == placeReturn.Id && r.DeliveredAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeliveredAt, now), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogNotDelivered(logger, e, placeReturn.Places, placeReturn.EnterpriseId);
            }
        }
    }

    /// <summary>Delivers the returns written before <paramref name="before"/> and not delivered yet.</summary>
    public async Task SweepAsync(DateTimeOffset before, CancellationToken ct)
    {
        while (true)
        {
            var pending = await db.PlaceReturns.AsNoTracking().Where(r => r.DeliveredAt == null && r.CreatedAt <= before)
                .OrderBy(r => r.CreatedAt).Take(500).ToListAsync(ct);
            await DeliverAsync(pending, ct);
            if (pending.Count < 500)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Places} places of enterprise {EnterpriseId} are not given back yet; the sweep will")]
    private static partial void LogNotDelivered(ILogger logger, Exception exception, int places, Guid enterpriseId);
}
