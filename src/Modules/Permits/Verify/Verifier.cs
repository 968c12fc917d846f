using TravelPermits.Permits.Contracts;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Verify;

internal static class VerifyResult
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string Suspended = "suspended";
    public const string Unknown = "unknown";
    public const string Invalid = "invalid";
}

internal sealed record HolderView(string FullName, string IdNumberMasked, string? IdNumber, DateOnly? DateOfBirth);

/// <summary>The lockdown that suspends a permit: its ward, why, and since when.</summary>
internal sealed record Suspension(string WardCode, string WardName, string Reason, DateTimeOffset Since);

internal sealed record Verification(
    string Result, HolderView? Holder, string? EnterpriseName, string? WardName, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo,
    DateTimeOffset CheckedAt, Guid? PermitId, Suspension? Suspension = null);

/// <summary>
/// The checkpoint's question. The signature is checked first, against keys held in memory: a
/// forged or altered token is <c>invalid</c> without a database query (a signature already
/// checked by this process is remembered: <see cref="VerifiedTokens"/>). Then an indexed read,
/// shared with the verifications asked meanwhile (<see cref="PermitReads"/>), gives the permit's
/// status and validity now, and whether a lockdown of its ward suspends it: a permit that would be
/// valid is then <c>suspended</c>; a revoked or expired one stays so.
/// </summary>
internal sealed class Verifier(PermitReads reads, VerifiedTokens verified, KeyRing keys, TimeProvider time)
{
    public async Task<Verification> VerifyAsync(string token, CallerScope caller, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!verified.TryGet(token, out var id))
        {
            if (!PermitToken.TryParse(token, out var parsed)
                || (!keys.Knows(parsed.KeyId) && !await keys.TryLearnAsync(ct))
                || !keys.Verify(parsed))
            {
                return new Verification(VerifyResult.Invalid, null, null, null, null, null, now, null);
            }
            id = parsed.Claims.PermitId;
            verified.Add(token, id);
        }
        var permit = await reads.ReadAsync(id, ct);
        if (permit is null)
        {
            return new Verification(VerifyResult.Unknown, null, null, null, null, null, now, id);
        }
        var result = permit.Status switch
        {
            PermitStatus.Revoked => VerifyResult.Revoked,
            PermitStatus.Expired => VerifyResult.Expired,
            PermitStatus.Approved => VerifyResult.NotYetValid, // waiting for the ward police's stamp
            _ when now < permit.ValidFrom => VerifyResult.NotYetValid,
            _ when now >= permit.ValidTo => VerifyResult.Expired,
            _ when permit.Lockdown is not null => VerifyResult.Suspended,
            _ => VerifyResult.Valid,
        };
        var suspension = result == VerifyResult.Suspended
            ? new Suspension(permit.WardCode, permit.WardName, permit.Lockdown!.Reason, permit.Lockdown.Since)
            : null;
        // The full identity for a checkpoint of the permit's city (or an admin); everyone else sees it masked.
        var fullIdentity = caller.Role == Roles.Admin || (caller.Role == Roles.Checkpoint && caller.CityCode == permit.CityCode);
        var holder = new HolderView(permit.HolderName, permit.IdNumberMasked,
            fullIdentity ? permit.IdNumber : null, fullIdentity ? permit.DateOfBirth : null);
        return new Verification(result, holder, permit.EnterpriseName, permit.WardName, permit.ValidFrom, permit.ValidTo, now, id, suspension);
    }
}
