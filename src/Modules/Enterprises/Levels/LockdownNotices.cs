using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;

namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// An active enterprise told that a lockdown of its ward suspends its permits, or that lifting it
/// restores them, for <see cref="Grains.EnterpriseGrain"/> only: the audit line and the email in one
/// transaction with the change id, so that asking again, from any Host, tells it nothing twice.
/// </summary>
internal sealed class LockdownNotices(EnterprisesDbContext db, QuotaPlaces places, TimeProvider time, ActorAccessor actor)
{
    public async Task<bool> NoticeAsync(Guid id, Guid changeId, WardLockdownNotice notice, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is not { Status: EnterpriseStatus.Active })
        {
            return false;
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await places.RecordOnceAsync(id, changeId, AppliedChange.LockdownNoticed, ct))
        {
            return false;
        }
        db.Audit(actor.Current, notice.Suspended ? "enterprise.permits_suspended" : "enterprise.permits_restored", "enterprise", id.ToString(), now,
            new { changeId, decision = notice.DecisionId, notice.WardCode, notice.Reason, notice.Since, activePermits = enterprise.ActivePermits },
            enterprise.CityCode, enterprise.WardCode);
        var (subject, body) = EnterpriseEmails.Lockdown(enterprise, notice);
        db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
