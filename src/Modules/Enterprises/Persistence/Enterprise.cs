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
