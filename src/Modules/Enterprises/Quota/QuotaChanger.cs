using System.Data.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Quota;

/// <summary>Changes workforce, ratio or quota; never below the permits already live.</summary>
internal sealed class QuotaChanger(
    EnterprisesDbContext db, DatabaseOptions database, TimeProvider time, ActorAccessor actor, IValidator<ChangeQuotaRequest> validator)
    : IQuotaAdjustment
{
    private static readonly SharedKernel.Localization.LocalizedText QuotaAboveWorkforce = new(
        "Hạn mức không được lớn hơn số lao động.", "The quota cannot exceed the workforce.");

    public async Task<EnterpriseInfo> ChangeAsync(
        Guid enterpriseId, int? ratioPercent, int? quota, string reason, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var request = new ChangeQuotaRequest(null, ratioPercent, quota, reason);
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        await using var enlisted = await database.EnlistAsync<EnterprisesDbContext>(transaction, o => new(o), cancellationToken);
        var current = await enlisted.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken)
            ?? throw ProblemException.NotFound(EnterpriseTexts.Enterprise);
        // In the caller's transaction a lost race cannot be retried here: the caller's whole step fails.
        var e = await TryApplyAsync(enlisted, current, request, cancellationToken)
            ?? throw ProblemException.Conflict("concurrent_update", EnterpriseTexts.ConcurrentChange);
        return new EnterpriseInfo(e.Id, e.Name, e.TaxCode, e.CityCode, e.WardCode, e.Status, e.ContactEmail, e.Quota, e.ActivePermits);
    }

    /// <summary>
    /// Changes an enterprise in its own transaction, again on top of a concurrent change if one came
    /// first. Only <see cref="Grains.EnterpriseGrain"/> calls it; the caller's scope was checked before.
    /// </summary>
    public async Task<Enterprise> ChangeAsync(Guid id, ChangeQuotaRequest change, CancellationToken ct)
    {
        var current = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw ProblemException.NotFound(EnterpriseTexts.Enterprise);
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await TryApplyAsync(db, current, change, ct) is { } updated)
            {
                await transaction.CommitAsync(ct);
                return updated;
            }
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (attempt >= 2)
            {
                throw ProblemException.Conflict("concurrent_update", EnterpriseTexts.ConcurrentChange);
            }
            current = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == current.Id, ct);
        }
    }

    /// <summary>
    /// Checks and writes in one statement (a permit issued meanwhile is counted), then audits and
    /// queues the email in the same transaction. Null when the enterprise changed since <paramref name="current"/> was read.
    /// </summary>
    private async Task<Enterprise?> TryApplyAsync(EnterprisesDbContext context, Enterprise current, ChangeQuotaRequest change, CancellationToken ct)
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
        var quota = QuotaMath.Quota(workforce, ratio, explicitQuota);
        var now = time.GetUtcNow();
        var changed = await context.Enterprises
            .Where(e => e.Id == current.Id && e.Version == current.Version && e.ActivePermits <= quota)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Workforce, workforce)
                .SetProperty(e => e.RatioPercent, ratio)
                .SetProperty(e => e.QuotaOverride, explicitQuota)
                .SetProperty(e => e.Quota, quota)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), ct);
        if (changed == 0)
        {
            var latest = await context.Enterprises.AsNoTracking().FirstAsync(e => e.Id == current.Id, ct);
            if (latest.ActivePermits > quota)
            {
                throw new ProblemException(409, "quota_below_active",
                    EnterpriseTexts.QuotaBelowActive.Format(quota, latest.ActivePermits),
                    new Dictionary<string, object?> { ["activePermits"] = latest.ActivePermits, ["requestedQuota"] = quota });
            }
            return null;
        }

        var reason = VietnameseText.Normalize(change.Reason);
        var updated = await context.Enterprises.AsNoTracking().FirstAsync(e => e.Id == current.Id, ct);
        context.Audit(actor.Current, "enterprise.quota_changed", "enterprise", current.Id.ToString(), now,
            new { from = current.Quota, to = quota, workforce, ratioPercent = ratio, explicitQuota, reason },
            current.CityCode, current.WardCode);
        var (subject, body) = EnterpriseEmails.QuotaChanged(updated, current.Quota, reason);
        context.EnqueueEmail(updated.ContactEmail, subject, body, now);
        await context.SaveChangesAsync(ct);
        return updated;
    }
}
