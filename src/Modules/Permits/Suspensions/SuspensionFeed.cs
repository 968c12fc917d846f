using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Suspensions;

/// <summary>The lines of the offline verifiers' suspension feed (<see cref="SuspensionNotice"/>).</summary>
internal static class SuspensionFeed
{
    /// <summary>A line for each permit in each window.</summary>
    public static IEnumerable<SuspensionNotice> Notices(IReadOnlyCollection<Guid> permits, IEnumerable<WardSuspension> windows, DateTimeOffset now) =>
        windows.SelectMany(w => permits.Select(p => new SuspensionNotice
        {
            PermitId = p, SuspensionId = w.Id, WardCode = w.WardCode, WardName = w.WardName, Reason = w.Reason, Since = w.Since, Until = w.Until, At = now,
        }));

    /// <summary>
    /// For permits being written in a ward, in the transaction that writes them: a line for each
    /// window of the ward not yet over, so that an offline verifier suspends them too.
    /// </summary>
    public static async Task AddForNewAsync(PermitsDbContext db, string wardCode, IReadOnlyCollection<Guid> permits, DateTimeOffset now, CancellationToken ct)
    {
        var windows = await db.WardSuspensions.AsNoTracking().Where(s => s.WardCode == wardCode && (s.Until == null || s.Until > now)).ToListAsync(ct);
        if (windows.Count > 0)
        {
            db.SuspensionNotices.AddRange(Notices(permits, windows, now));
        }
    }
}
