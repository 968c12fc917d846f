using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Suspensions;

/// <summary>
/// What verification knows of wards' lockdowns (docs/adr/0019-lockdown-suspends-permits.md): a ward's
/// windows replaced by those the ward's grain hands over, and for each window that changed a line
/// per live permit of the ward in the offline verifiers' feed, in one transaction. The same windows
/// again change nothing and write no line.
/// </summary>
internal sealed class WardLockdowns(PermitsDbContext db, TimeProvider time) : IWardLockdowns
{
    public async Task PublishAsync(string wardCode, string wardName, IReadOnlyList<LockdownWindow> windows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var known = await db.WardSuspensions.Where(s => s.WardCode == wardCode).ToListAsync(cancellationToken);
        var changed = new List<WardSuspension>();
        foreach (var window in windows)
        {
            var row = known.Find(k => k.Id == window.Id);
            if (row is null)
            {
                row = new WardSuspension { Id = window.Id, WardCode = wardCode, WardName = wardName, Reason = window.Reason, Since = window.Since, Until = window.Until };
                db.WardSuspensions.Add(row);
                changed.Add(row);
            }
            else if (row.Reason != window.Reason || row.Since != window.Since || row.Until != window.Until || row.WardName != wardName)
            {
                (row.WardName, row.Reason, row.Since, row.Until) = (wardName, window.Reason, window.Since, window.Until);
                changed.Add(row);
            }
        }
        foreach (var gone in known.Where(k => windows.All(w => w.Id != k.Id)))
        {
            // A window no decision opens any more: the feed says it ends where it begins.
            db.WardSuspensions.Remove(gone);
            changed.Add(new WardSuspension { Id = gone.Id, WardCode = wardCode, WardName = wardName, Reason = gone.Reason, Since = gone.Since, Until = gone.Since });
        }
        if (changed.Count > 0)
        {
            var permits = await db.Permits.AsNoTracking().Where(p => p.WardCode == wardCode && PermitStatuses.Live.Contains(p.Status))
                .Select(p => p.Id).ToListAsync(cancellationToken);
            // Thousands of lines for a busy ward: added without a scan of the tracked entities for each.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.SuspensionNotices.AddRange(SuspensionFeed.Notices(permits, changed, now));
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
