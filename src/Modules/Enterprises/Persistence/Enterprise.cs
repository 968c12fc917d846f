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
    public DateTimeOffset UpdatedAt { get; set; }
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

    public Guid Id { get; init; }
    public Guid EnterpriseId { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset At { get; init; }
}
