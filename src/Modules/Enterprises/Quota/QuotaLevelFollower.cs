using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// An enterprise's ratio and quota following its ward's epidemic level, for <see cref="Grains.EnterpriseGrain"/>
/// only. Unlike an official's change it is never refused for the places in use: the quota may fall
/// under them, and the hold's conditional update (<c>ActivePermits + n &lt;= Quota</c>) then refuses
/// every issue until enough permits have ended.
/// </summary>
internal sealed class QuotaLevelFollower(EnterprisesDbContext db, QuotaPlaces places, TimeProvider time, ActorAccessor actor)
{
    public async Task<bool> FollowAsync(Guid id, Guid changeId, WardLevelRatio level, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            if (current is null || current.Status == EnterpriseStatus.Rejected || current.QuotaOverride is not null
                || current.RatioIsExplicit || current.RatioPercent == level.RatioPercent)
            {
                return false;
            }
            var quota = QuotaMath.Quota(current.Workforce, level.RatioPercent, null);
            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await places.RecordOnceAsync(id, changeId, AppliedChange.QuotaFollowedLevel, ct))
            {
                return false;
            }
            // Guarded by the version read and by what makes an enterprise follow the level: an official's
            // ratio or quota set meanwhile wins.
            var changed = await db.Enterprises
                .Where(e => e.Id == id && e.Version == current.Version && e.QuotaOverride == null && !e.RatioIsExplicit)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.RatioPercent, level.RatioPercent)
                    .SetProperty(e => e.Quota, quota)
                    .SetProperty(e => e.UpdatedAt, now)
                    .SetProperty(e => e.Version, e => e.Version + 1), ct);
            if (changed == 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (attempt >= 9)
                {
                    throw ProblemException.Conflict("concurrent_update", EnterpriseTexts.ConcurrentChange);
                }
                continue;
            }
            // Read in the transaction that holds the row: the places in use as the new quota meets them.
            var updated = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == id, ct);
            var over = Math.Max(0, updated.ActivePermits - quota);
            db.Audit(actor.Current, "enterprise.quota_followed_level", "enterprise", id.ToString(), now,
                new
                {
                    changeId, decision = level.DecisionId, level.WardCode, level.Level, from = current.Quota, to = quota,
                    ratioPercent = level.RatioPercent, activePermits = updated.ActivePermits, permitsOverQuota = over,
                },
                current.CityCode, current.WardCode);
            if (updated.Status == EnterpriseStatus.Active)
            {
                var (subject, body) = EnterpriseEmails.QuotaFollowedLevel(updated, current.Quota, level, over);
                db.EnqueueEmail(updated.ContactEmail, subject, body, now);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
    }
}
