using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;

namespace TravelPermits.Permits.Tokens;

/// <summary>
/// An admin's rotation of the signing key: the current keys retire (they keep verifying what they
/// signed), a new one signs from now on, and the audit log says who did it.
/// </summary>
internal sealed class KeyRotation(KeyRing keys, PermitsDbContext db, ActorAccessor actor, TimeProvider time)
{
    /// <summary>Rotates, and gives the new key's id.</summary>
    public async Task<string> RotateAsync(CancellationToken ct)
    {
        var kid = await keys.RotateAsync(ct);
        db.Audit(actor.Current, "signing_key.rotated", "signing_key", kid, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return kid;
    }
}
