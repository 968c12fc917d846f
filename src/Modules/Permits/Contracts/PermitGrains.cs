namespace TravelPermits.Permits.Contracts;

/// <summary>
/// A permit (key: its id): every transition of a permit goes through it, the ward police's stamp
/// (<c>approved -&gt; issued</c>), the revocation of one permit, and what a period's end does to it:
/// the carrying into the next period, or expiry. Its activation is collected two minutes after its
/// last call (many permits are each touched once), and at once after a period's end moved it.
/// </summary>
/// <remarks>
/// The period-end jobs ask each live permit's grain, a batch at a time; the grains' writes of one
/// batch are committed together, with the rollover's progress or the places the permits give back
/// (docs/adr/0017). The revocation of a list and the clearing of a period change many permits in one
/// transaction, with one email and one audit line per enterprise; they stay set-based statements in
/// one place. Every transition, here or there, is guarded by the status it moves from.
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

    /// <summary>
    /// Carries the permit from one period into the next, if it is live in the first: same token, the new
    /// period's validity, counted in the rollover begun between them (which must exist). False when there
    /// was nothing to carry: no longer live, or already carried.
    /// </summary>
    Task<bool> CarryAsync(Guid fromPeriodId, Guid toPeriodId);

    /// <summary>
    /// Expires the permit if it is live in the period given, which has ended; with no period, if it was
    /// issued outside any and its validity ended by <paramref name="endedBy"/> (not later than now). Its
    /// place goes back to its enterprise. False when there was nothing to expire.
    /// </summary>
    Task<bool> ExpireAsync(Guid? periodId, DateTimeOffset endedBy);
}
