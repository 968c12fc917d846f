using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Places;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Permits.Issue;

/// <summary>
/// Issuing under a hold (docs/adr/0017): the enterprise's grain holds the places; this module writes
/// the permits in its own transaction with the hold's outcome; the grain settles the hold. Whatever
/// instant the process dies at, no permit lacks its place and no place stays taken without its
/// permit: a hold left behind is settled or released by the Enterprises module's sweep, as the
/// outcome says, and an outcome decided "not issued" refuses this transaction from then on.
/// </summary>
internal sealed partial class HeldIssue(PermitsDbContext db, HoldOutcomes outcomes, IGrainFactory grains, ILogger<HeldIssue> logger)
{
    /// <summary>
    /// Holds <paramref name="places"/>, runs <paramref name="write"/> (which adds the permits to the
    /// context and saves them) in a transaction with the outcome, and settles. Refused by the quota:
    /// <paramref name="refused"/> with the places remaining; nothing is written.
    /// </summary>
    public async Task IssueAsync(Guid enterpriseId, Guid holdId, int places, Func<int, Exception> refused, Func<Task> write, CancellationToken ct)
    {
        var enterprise = grains.GetGrain<IEnterpriseGrain>(enterpriseId);
        var hold = await enterprise.HoldAsync(holdId, places);
        if (!hold.Held)
        {
            throw refused(hold.Remaining);
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            outcomes.Issued(holdId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The sweep took the hold for one left behind and gave its places back: this issue must not write.
                throw new TryAgainException($"Hold {holdId} was released before its permits were written.");
            }
            await write();
            await transaction.CommitAsync(ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await ResolveAsync(enterprise, holdId);
            throw;
        }
        try
        {
            await enterprise.SettleAsync(holdId);
        }
        catch (Exception e)
        {
            LogNotResolved(logger, e, holdId);
        }
    }

    /// <summary>
    /// After a failure, whatever it was (the commit itself may have failed after writing): decides
    /// whether the permits were written, and settles or releases accordingly. Left to the sweep if
    /// the database or the grain cannot be reached now.
    /// </summary>
    private async Task ResolveAsync(IEnterpriseGrain enterprise, Guid holdId)
    {
        try
        {
            var issued = await outcomes.DecideAsync(holdId, CancellationToken.None);
            await (issued ? enterprise.SettleAsync(holdId) : enterprise.ReleaseHoldAsync(holdId));
        }
        catch (Exception e)
        {
            LogNotResolved(logger, e, holdId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold {HoldId} is not resolved yet; the sweep will")]
    private static partial void LogNotResolved(ILogger logger, Exception exception, Guid holdId);
}
