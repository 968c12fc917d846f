using TravelPermits.Enterprises.Contracts;

namespace TravelPermits.Enterprises.Persistence;

internal sealed class Enterprise
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Name and tax code folded (no diacritics, lower case) for search on both providers.</summary>
    public required string SearchKey { get; set; }
    public required string TaxCode { get; init; }
    public required string CityCode { get; init; }
    public required string WardCode { get; init; }
    public required string Address { get; set; }
    public required string ContactEmail { get; set; }
    public required string ContactPhone { get; set; }
    public int Workforce { get; set; }
    public int RatioPercent { get; set; }
    /// <summary>
    /// True once an official set the ratio (a quota change or an approval with <c>ratioPercent</c>):
    /// the ratio then stays as set when the ward's epidemic level changes (docs/adr/0018-ward-levels.md).
    /// </summary>
    public bool RatioIsExplicit { get; set; }
    /// <summary>An explicit quota set by an official; null while the quota follows workforce and ratio.</summary>
    public int? QuotaOverride { get; set; }
    /// <summary>The quota in force, kept as a column so that taking a place is one conditional update.</summary>
    public int Quota { get; set; }
    public int ActivePermits { get; set; }
    public required EnterpriseStatus Status { get; set; }
    public string? RejectionReason { get; set; }
    public Guid? AccountId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency for changes of workforce, ratio and quota.</summary>
    public int Version { get; set; }
}

internal sealed class WardPolicy
{
    public required string WardCode { get; init; }
    public required string CityCode { get; init; }
    public int? DefaultRatioPercent { get; set; }
    public bool PoliceVerify { get; set; }
    public bool PoliceStamp { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CityPolicy
{
    public required string CityCode { get; init; }
    public int DefaultRatioPercent { get; set; }
    /// <summary>The ratios of epidemic levels 1 to 4, all four or none (null: enterprises do not follow their ward's level).</summary>
    public int? RatioLevel1 { get; set; }
    public int? RatioLevel2 { get; set; }
    public int? RatioLevel3 { get; set; }
    public int? RatioLevel4 { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One decision about a ward's epidemic level (Resolution 128/NQ-CP: 1 to 4) and lockdown, kept for
/// good: the ward's level at any instant is the decision with the latest <see cref="EffectiveAt"/> up to
/// it (docs/adr/0018-ward-levels.md). <see cref="FollowedAt"/> is when the enterprises' quotas were
/// brought in line with it (or it was passed over by a later decision already in force).
/// </summary>
internal sealed class WardLevelChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string WardCode { get; init; }
    public required string CityCode { get; init; }
    public int Level { get; init; }
    public bool Lockdown { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset EffectiveAt { get; init; }
    public DateTimeOffset SetAt { get; init; }
    public required string SetBy { get; init; }
    public DateTimeOffset? FollowedAt { get; set; }
    /// <summary>When the ward's lockdowns were handed to verification with this decision among them (<see cref="Contracts.IWardLockdowns"/>).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>
/// Places held for permits being issued (docs/adr/0017): counted in <see cref="Enterprise.ActivePermits"/>
/// from the moment they are held, so the quota stays exact; then taken once the permits are written,
/// or released if they never will be. Its id is written on each of those permits.
/// </summary>
internal sealed class QuotaHold
{
    public Guid Id { get; init; }
    public Guid EnterpriseId { get; init; }
    public int Places { get; init; }
    public HoldState State { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal enum HoldState
{
    Held,
    Taken,
    Released,
}

/// <summary>
/// A change another module asked for under an id of its own (places given back for permits
/// revoked or expired, a quota change decided with an approval): recorded in the transaction that
/// applies it, so that asking again with the same id changes nothing.
/// </summary>
internal sealed class AppliedChange
{
    public const string PlacesReturned = "places_returned";
    public const string QuotaChanged = "quota_changed";
    public const string QuotaChangeRefused = "quota_change_refused";
    public const string QuotaFollowedLevel = "quota_followed_level";
    public const string LockdownNoticed = "lockdown_noticed";

    public Guid Id { get; init; }
    public Guid EnterpriseId { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset At { get; init; }
}
