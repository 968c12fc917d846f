using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// Changes workforce, ratio or quota; never below the places in use. For <see cref="Grains.EnterpriseGrain"/>
/// only: the caller's scope was checked before the grain was asked.
/// </summary>
internal sealed class QuotaChanger(EnterprisesDbContext db, QuotaPlaces places, TimeProvider time, ActorAccessor actor)
{
    private static readonly SharedKernel.Localization.LocalizedText QuotaAboveWorkforce = new(
        "Hạn mức không được lớn hơn số lao động.", "The quota cannot exceed the workforce.");

    /// <summary>Changes the enterprise in its own transaction, again on top of a concurrent change if one came first.</summary>
    public async Task ChangeAsync(Guid id, QuotaChange change, CancellationToken ct)
    {
        var current = await FindAsync(id, ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await TryApplyAsync(current, change, ct))
            {
                await transaction.CommitAsync(ct);
                return;
            }
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (attempt >= 2)
            {
                throw ProblemException.Conflict("concurrent_update", EnterpriseTexts.ConcurrentChange);
            }
            current = await FindAsync(id, ct);
        }
    }

    /// <summary>The refusal <see cref="ChangeAsync"/> would meet now, if any: nothing is written.</summary>
    public async Task CheckAsync(Guid id, QuotaChange change, CancellationToken ct)
    {
        var current = await FindAsync(id, ct);
        var (_, _, _, quota) = Plan(current, change);
        if (current.ActivePermits > quota)
        {
            throw QuotaBelowActive(quota, current.ActivePermits);
        }
    }

    /// <summary>
    /// Applies a change decided elsewhere (an approval that raises the quota) once for
    /// <paramref name="changeId"/>. A refusal met now (the permits issued since the decision leave
    /// no room for a lower quota) is recorded and audited under that id, and not tried again.
    /// </summary>
    public async Task<QuotaChangeOutcome> ApplyOnceAsync(Guid id, Guid changeId, QuotaChange change, CancellationToken ct)
    {
        var current = await FindAsync(id, ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await places.RecordOnceAsync(id, changeId, AppliedChange.QuotaChanged, ct))
            {
                return await OutcomeAsync(changeId, ct);
            }
            try
            {
                if (await TryApplyAsync(current, change, ct))
                {
                    await transaction.CommitAsync(ct);
                    return new QuotaChangeOutcome(true, null);
                }
            }
            catch (ProblemException refused)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await RefuseAsync(current, changeId, change, refused, ct);
            }
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            current = await FindAsync(id, ct);
            if (attempt >= 9)
            {
                throw ProblemException.Conflict("concurrent_update", EnterpriseTexts.ConcurrentChange);
            }
        }
    }

    private async Task<QuotaChangeOutcome> RefuseAsync(Enterprise current, Guid changeId, QuotaChange change, ProblemException refused, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await places.RecordOnceAsync(current.Id, changeId, AppliedChange.QuotaChangeRefused, ct))
        {
            return await OutcomeAsync(changeId, ct);
        }
        var now = time.GetUtcNow();
        db.Audit(actor.Current, "enterprise.quota_change_refused", "enterprise", current.Id.ToString(), now,
            new { changeId, change.RatioPercent, change.Quota, reason = VietnameseText.Normalize(change.Reason), refused = refused.Code },
            current.CityCode, current.WardCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new QuotaChangeOutcome(false, refused.Code);
    }

    private async Task<QuotaChangeOutcome> OutcomeAsync(Guid changeId, CancellationToken ct)
    {
        var kind = await db.AppliedChanges.AsNoTracking().Where(c => c.Id == changeId).Select(c => c.Kind).FirstAsync(ct);
        return kind == AppliedChange.QuotaChangeRefused ? new QuotaChangeOutcome(false, "refused") : new QuotaChangeOutcome(true, null);
    }

    /// <summary>
    /// Checks and writes in one statement (a place held or taken meanwhile is counted), then audits and
    /// queues the email in the same transaction. False when the enterprise changed since <paramref name="current"/> was read.
    /// </summary>
    private async Task<bool> TryApplyAsync(Enterprise current, QuotaChange change, CancellationToken ct)
    {
        var (workforce, ratio, explicitQuota, quota) = Plan(current, change);
        // A ratio an official gives stays as given when the ward's epidemic level changes.
        var ratioIsExplicit = current.RatioIsExplicit || change.RatioPercent is not null;
        var now = time.GetUtcNow();
        var changed = await db.Enterprises
            .Where(e => e.Id == current.Id && e.Version == current.Version && e.ActivePermits <= quota)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Workforce, workforce)
                .SetProperty(e => e.RatioPercent, ratio)
                .SetProperty(e => e.RatioIsExplicit, ratioIsExplicit)
                .SetProperty(e => e.QuotaOverride, explicitQuota)
                .SetProperty(e => e.Quota, quota)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), ct);
        if (changed == 0)
        {
            var latest = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == current.Id, ct);
            if (latest.ActivePermits > quota)
            {
                throw QuotaBelowActive(quota, latest.ActivePermits);
            }
            return false;
        }

        var reason = VietnameseText.Normalize(change.Reason);
        var updated = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == current.Id, ct);
        db.Audit(actor.Current, "enterprise.quota_changed", "enterprise", current.Id.ToString(), now,
            new { from = current.Quota, to = quota, workforce, ratioPercent = ratio, explicitQuota, reason },
            current.CityCode, current.WardCode);
        var (subject, body) = EnterpriseEmails.QuotaChanged(updated, current.Quota, reason);
        db.EnqueueEmail(updated.ContactEmail, subject, body, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What the change makes of the enterprise; refuses a pending or rejected one, and a quota above the workforce.</summary>
    private static (int Workforce, int Ratio, int? ExplicitQuota, int Quota) Plan(Enterprise current, QuotaChange change)
    {
        // Only an active enterprise has places to manage: a pending one is still to be decided on, a
        // rejected one is gone. Nothing makes an active one inactive, so the status read holds for the update.
        if (current.Status != EnterpriseStatus.Active)
        {
            throw ProblemException.Conflict("enterprise_not_active", EnterpriseTexts.NotActive);
        }
        var workforce = change.Workforce ?? current.Workforce;
        var ratio = change.RatioPercent ?? current.RatioPercent;
        int? explicitQuota = change.Quota ?? (change.Workforce is null && change.RatioPercent is null ? current.QuotaOverride : null);
        if (explicitQuota > workforce)
        {
            throw ProblemException.Invalid("quota", QuotaAboveWorkforce);
        }
        return (workforce, ratio, explicitQuota, QuotaMath.Quota(workforce, ratio, explicitQuota));
    }

    private static ProblemException QuotaBelowActive(int quota, int active) =>
        new(409, "quota_below_active", EnterpriseTexts.QuotaBelowActive.Format(quota, active),
            new Dictionary<string, object?> { ["activePermits"] = active, ["requestedQuota"] = quota });

    private async Task<Enterprise> FindAsync(Guid id, CancellationToken ct) =>
        await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw ProblemException.NotFound(EnterpriseTexts.Enterprise);
}
