using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Approvals.Chain;

/// <summary>
/// Does what an approval left for another module (<see cref="FollowUp"/>): the quota change, through
/// the enterprise's grain, which applies it once for the request's id; the individual's permit,
/// which the Permits module writes once for the entry. Right after the approval, and by
/// <see cref="FollowUpSweep"/> for one a process did not finish. A refusal met then (the approval
/// checked for it first, but the enterprise or the person may have changed since) is recorded as
/// the follow-up's outcome and audited; the approval stands.
/// </summary>
internal sealed partial class ApprovalFollowUps(
    ApprovalsDbContext db, IGrainFactory grains, IEnumerable<IIndividualPermits> permits, IApprovedList approved,
    TimeProvider time, ActorAccessor actor, ILogger<ApprovalFollowUps> logger)
{
    /// <summary>Completes it now; a failure (not a refusal) is logged and left to the sweep. The individual's permit id, if one was issued.</summary>
    public async Task<Guid?> TryCompleteAsync(FollowUp followUp, CancellationToken ct)
    {
        try
        {
            return await CompleteAsync(followUp, ct);
        }
        catch (Exception e)
        {
            LogNotCompleted(logger, e, followUp.Kind, followUp.RequestId);
            return null;
        }
    }

    /// <summary>Completes the follow-ups written before <paramref name="before"/> and not completed yet.</summary>
    public async Task SweepAsync(DateTimeOffset before, CancellationToken ct)
    {
        var pending = await db.FollowUps.AsNoTracking().Where(f => f.CompletedAt == null && f.CreatedAt <= before)
            .OrderBy(f => f.CreatedAt).Take(500).ToListAsync(ct);
        foreach (var followUp in pending)
        {
            await TryCompleteAsync(followUp, ct);
        }
    }

    private async Task<Guid?> CompleteAsync(FollowUp followUp, CancellationToken ct)
    {
        Guid? permitId = null;
        string outcome;
        if (followUp.Kind == FollowUp.QuotaChange)
        {
            var change = new QuotaChange(null, followUp.RatioPercent, followUp.Quota, followUp.Reason!);
            var applied = await grains.GetGrain<IEnterpriseGrain>(followUp.EnterpriseId!.Value).ApplyQuotaChangeAsync(followUp.RequestId, change);
            outcome = applied.Applied ? "applied" : $"refused: {applied.Refusal}";
        }
        else
        {
            var person = await approved.FindIndividualAsync(followUp.EntryId!.Value, ct)
                ?? throw new InvalidOperationException($"The approved entry {followUp.EntryId} of application {followUp.RequestId} is missing.");
            outcome = "issued";
            try
            {
                foreach (var issuer in permits)
                {
                    permitId = await issuer.IssueAsync(person, ct);
                }
            }
            catch (ProblemException refused)
            {
                outcome = $"refused: {refused.Code}";
            }
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var completed = await db.FollowUps.Where(f => f.RequestId == followUp.RequestId && f.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CompletedAt, now).SetProperty(f => f.Outcome, outcome), ct);
        if (completed == 1 && permitId is { } id)
        {
            await db.Requests.Where(r => r.Id == followUp.RequestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.PermitId, id), ct);
        }
        if (completed == 1 && outcome.StartsWith("refused", StringComparison.Ordinal))
        {
            var request = await db.Requests.AsNoTracking().FirstAsync(r => r.Id == followUp.RequestId, ct);
            var noun = followUp.Kind == FollowUp.QuotaChange ? "request" : "application";
            db.Audit(actor.Current, $"{noun}.follow_up_refused", noun, request.Id.ToString(), now,
                new { followUp.Kind, outcome }, request.CityCode, request.WardCode);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return permitId;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} that follows the approval of {RequestId} is not done yet; the sweep will")]
    private static partial void LogNotCompleted(ILogger logger, Exception exception, string kind, Guid requestId);
}
