using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Places;

/// <summary>
/// Decides whether the permits of a hold were written: the issuing transaction writes the hold's
/// outcome row with its permits; deciding writes "not issued" when that row is missing, and from
/// then on its key refuses the issuing transaction, however late it comes. The primary key decides
/// between the two, on both providers (PostgreSQL waits for an issuing transaction in flight).
/// </summary>
internal sealed class HoldOutcomes(PermitsDbContext db, TimeProvider time) : IHoldOutcomes
{
    public async Task<bool> DecideAsync(Guid holdId, CancellationToken cancellationToken)
    {
        if (await FindAsync(holdId, cancellationToken) is { } decided)
        {
            return decided;
        }
        db.HoldOutcomes.Add(new HoldOutcome { HoldId = holdId, Issued = false, At = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await FindAsync(holdId, cancellationToken) ?? throw new InvalidOperationException($"The outcome of hold {holdId} vanished.");
        }
    }

    /// <summary>Adds the "issued" outcome to the issuing transaction's pending changes.</summary>
    public void Issued(Guid holdId) =>
        db.HoldOutcomes.Add(new HoldOutcome { HoldId = holdId, Issued = true, At = time.GetUtcNow() });

    private Task<bool?> FindAsync(Guid holdId, CancellationToken ct) =>
        db.HoldOutcomes.AsNoTracking().Where(o => o.HoldId == holdId).Select(o => (bool?)o.Issued).FirstOrDefaultAsync(ct);
}
