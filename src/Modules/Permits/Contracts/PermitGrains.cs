namespace TravelPermits.Permits.Contracts;

/// <summary>
/// A permit (key: its id): the transitions made to one permit at a time go through it, the ward
/// police's stamp (<c>approved -&gt; issued</c>) and the revocation of one permit. Its activation is
/// collected two minutes after its last call: many permits are each touched once.
/// </summary>
/// <remarks>
/// The revocation of a list, the clearing of a period, expiry and the carrying into the next period
/// change many permits in one transaction, with their feed lines, one email and one audit line per
/// enterprise and the places they give back; they stay set-based statements in one place each
/// (docs/adr/0017). Every transition, here or there, is guarded by the status it moves from.
/// </remarks>
public interface IPermitGrain : IGrainWithGuidKey
{
    /// <summary>The stamp that puts an approved permit in force; 409 <c>invalid_transition</c> from any other status.</summary>
    Task StampAsync();

    /// <summary>
    /// Revokes the permit if it is live, as a list's revocation does (its line of the revocation feed,
    /// the enterprise's email and audit line, its place given back); false when it was no longer live.
    /// </summary>
    Task<bool> RevokeAsync(string reason);
}
