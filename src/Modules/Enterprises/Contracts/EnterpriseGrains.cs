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
}

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
}

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
