namespace TravelPermits.Enterprises.Contracts;

/// <summary>
/// An enterprise (key: its id): the only writer of its registration's decision, its workforce,
/// ratio and quota. Refusals come back as <c>ProblemException</c>s (404, 409 with their codes),
/// as the endpoints answer them. Who may ask is checked before the grain is called.
/// </summary>
/// <remarks>
/// The grain is the single writer in a healthy cluster, not the guarantee: every change is a
/// guarded statement in the module's tables (docs/adr/0017-grains-own-aggregates.md), so that two
/// activations of one enterprise, which Orleans allows for a moment, still cannot break a rule.
/// </remarks>
public interface IEnterpriseGrain : IGrainWithGuidKey
{
    /// <summary>Activates a pending registration (409 <c>invalid_transition</c> otherwise) and invites its account.</summary>
    Task ActivateAsync();

    /// <summary>Rejects a pending registration, the reason emailed to its contact.</summary>
    Task RejectAsync(string reason);

    /// <summary>
    /// Changes workforce, ratio or quota (audited and emailed), on top of any change made meanwhile;
    /// never under the places in use (409 <c>quota_below_active</c>), only for an active enterprise.
    /// </summary>
    Task ChangeQuotaAsync(QuotaChange change);

    /// <summary>
    /// The refusal that <see cref="ChangeQuotaAsync"/> would meet now (a <c>ProblemException</c>),
    /// if any; nothing is written. For a module that decides a change before it asks for it.
    /// </summary>
    Task CheckQuotaChangeAsync(QuotaChange change);

    /// <summary>
    /// Applies a change decided elsewhere (an approval that raises the quota), once for
    /// <paramref name="changeId"/> however often it is asked; a refusal met now is recorded and audited.
    /// </summary>
    Task<QuotaChangeOutcome> ApplyQuotaChangeAsync(Guid changeId, QuotaChange change);

    /// <summary>
    /// Holds <paramref name="places"/> for permits about to be written under <paramref name="holdId"/>:
    /// all or none, only for an active enterprise, never beyond the quota on any number of Hosts.
    /// Held places count as taken until the hold is settled or released; asking again for the same
    /// hold answers as the first time.
    /// </summary>
    Task<HoldResult> HoldAsync(Guid holdId, int places);

    /// <summary>The permits of the hold were written: its places stay taken (once; a settled or released hold stays so).</summary>
    Task SettleAsync(Guid holdId);

    /// <summary>No permit of the hold was written, nor ever will be: its places come back (once).</summary>
    Task ReleaseHoldAsync(Guid holdId);

    /// <summary>Places of permits revoked or expired come back, once for <paramref name="returnId"/>.</summary>
    Task ReturnPlacesAsync(Guid returnId, int places);

    /// <summary>
    /// Takes the ratio the city set for the epidemic level now in force in the enterprise's ward, and
    /// the quota it gives, once for <paramref name="changeId"/> (audited, and emailed to an active
    /// enterprise); false when nothing changed: a ratio or quota an official set stays as set. Never
    /// refused for the places in use: a quota that falls under them revokes nothing, issuing is
    /// refused until they are under it again, and the email says how many permits are over.
    /// </summary>
    Task<bool> FollowWardLevelAsync(Guid changeId, WardLevelRatio level);

    /// <summary>
    /// Tells an active enterprise that a lockdown of its ward suspends its permits, or that lifting it
    /// restores them: once for <paramref name="changeId"/>, audited and emailed; false when it was told
    /// before or is not active.
    /// </summary>
    Task<bool> NoticeLockdownAsync(Guid changeId, WardLockdownNotice notice);
}

/// <summary>A lockdown that came into force in a ward (<see cref="Suspended"/>) or was lifted, by the decision now in force.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardLockdownNotice")]
public sealed record WardLockdownNotice(Guid DecisionId, string WardCode, string WardName, bool Suspended, string Reason, DateTimeOffset Since);

/// <summary>The ratio a city set for the level in force in a ward, and the decision that put it in force.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardLevelRatio")]
public sealed record WardLevelRatio(Guid DecisionId, string WardCode, string WardName, int Level, int RatioPercent, string Reason);

/// <summary>Whether the places were held, and how many remain after the call.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.HoldResult")]
public sealed record HoldResult(bool Held, int Remaining);

/// <summary>Whether a change asked for with an id was applied; else the code of its refusal.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.QuotaChangeOutcome")]
public sealed record QuotaChangeOutcome(bool Applied, string? Refusal);

/// <summary>
/// Implemented by the module that writes permits under holds: decides, once and for good, whether
/// the permits of a hold were written. Where they were not, it makes sure they never will be (a
/// late write of them fails), so that the hold can be released. Asked by the sweep that resolves
/// holds left behind by a process that died between holding and settling.
/// </summary>
public interface IHoldOutcomes
{
    /// <summary>True: the hold's permits were written (settle it). False: none are, nor ever will be (release it).</summary>
    Task<bool> DecideAsync(Guid holdId, CancellationToken cancellationToken);
}

/// <summary>
/// Implemented by the module that verifies permits: what it knows of a ward's lockdowns, replaced
/// whole by the windows given (idempotent: the same windows again change nothing). A permit of the
/// ward verifies <c>suspended</c> from a window's <see cref="LockdownWindow.Since"/> until its
/// <see cref="LockdownWindow.Until"/>, on every Host, with nothing to run at those instants.
/// </summary>
public interface IWardLockdowns
{
    Task PublishAsync(string wardCode, string wardName, IReadOnlyList<LockdownWindow> windows, CancellationToken cancellationToken);
}

/// <summary>A lockdown decision's time in force: <see cref="Id"/> is the decision's; <see cref="Until"/> null until a later decision.</summary>
public sealed record LockdownWindow(Guid Id, string Reason, DateTimeOffset Since, DateTimeOffset? Until);

/// <summary>
/// A change of quota: <see cref="Workforce"/> or <see cref="RatioPercent"/> recompute it (and drop
/// an explicit one), <see cref="Quota"/> sets it explicitly; the reason is audited and emailed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.QuotaChange")]
public sealed record QuotaChange(int? Workforce, int? RatioPercent, int? Quota, string Reason);

/// <summary>
/// A ward (key: its code in the national catalogue): its policy, the ratio that enterprises
/// registered there start with and the approval chain of its requests and applications. Read by
/// everything that needs it and changed only through it.
/// </summary>
/// <remarks>
/// It reads the policy at each call rather than keep it: the city's ratio, which a ward without its
/// own follows, changes elsewhere, and another activation of the ward on another Host may have
/// changed it (one primary-key read).
/// </remarks>
public interface IWardGrain : IGrainWithStringKey
{
    /// <summary>The policy in force; a ward not in the catalogue has the installation's ratio and no police steps.</summary>
    Task<WardPolicyInfo> GetPolicyAsync();

    /// <summary>Sets the ward's own ratio (null: the city's) and chain, audited; answers the policy now in force.</summary>
    Task<WardPolicyInfo> SetPolicyAsync(WardPolicyChange change);

    /// <summary>
    /// Records a decision on the ward's epidemic level and lockdown (audited, kept in its history), in
    /// force from its <see cref="WardLevelDecision.EffectiveAt"/> (null: now; 400 when long past). When
    /// it is in force at once, the ward's enterprises' quotas follow it before the call returns.
    /// </summary>
    Task<WardLevelInfo> SetLevelAsync(WardLevelDecision decision);

    /// <summary>
    /// Brings the quotas of the ward's enterprises in line with the decision in force now, if they
    /// have not followed it yet (a decision whose time has come; one a process did not finish).
    /// Harmless to ask twice, or on two Hosts: each enterprise follows a decision once.
    /// </summary>
    Task FollowLevelAsync();

    /// <summary>
    /// Hands the ward's lockdown windows, from every decision recorded, to verification
    /// (<see cref="IWardLockdowns"/>) and marks the decisions published. Harmless to ask twice.
    /// </summary>
    Task PublishLockdownsAsync();
}

/// <summary>A decision on a ward's level (1 to 4) and lockdown, with its reason; in force from <see cref="EffectiveAt"/> (null: now).</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardLevelDecision")]
public sealed record WardLevelDecision(int Level, bool Lockdown, string Reason, DateTimeOffset? EffectiveAt);

/// <summary>A decision recorded on a ward's level: who took it and when, and since when it is (or will be) in force.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardLevelInfo")]
public sealed record WardLevelInfo(
    Guid Id, string WardCode, int Level, bool Lockdown, string Reason, DateTimeOffset EffectiveAt, DateTimeOffset SetAt, string SetBy,
    DateTimeOffset? FollowedAt);

/// <summary>
/// A ward's policy: <see cref="OwnRatioPercent"/> is its own (null: it follows its city's),
/// <see cref="RatioPercent"/> the one in force.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardPolicyInfo")]
public sealed record WardPolicyInfo(string WardCode, string? CityCode, int? OwnRatioPercent, int RatioPercent, WardChain Chain);

[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardPolicyChange")]
public sealed record WardPolicyChange(int? DefaultRatioPercent, bool PoliceVerify, bool PoliceStamp);
