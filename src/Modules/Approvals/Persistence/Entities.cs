using TravelPermits.Approvals.Contracts;

namespace TravelPermits.Approvals.Persistence;

/// <summary>
/// A list of people an enterprise asks permits for (from the Excel template), or a citizen's
/// individual application (one entry, no enterprise). Both go through the ward's chain.
/// </summary>
internal sealed class Request
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required RequestKind Kind { get; init; }
    public Guid? EnterpriseId { get; init; }
    public required string CityCode { get; init; }
    public required string WardCode { get; init; }
    public required RequestStatus Status { get; set; }
    /// <summary>The ward's chain when the request arrived: later policy changes do not move it.</summary>
    public bool RequiresVerification { get; init; }
    public string? Note { get; init; }
    public string? RejectionReason { get; set; }
    public required string SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int EntryCount { get; init; }
    public string? FileName { get; init; }
    /// <summary>Where the decision should be emailed (the enterprise's contact), if anywhere.</summary>
    public string? NotifyEmail { get; init; }

    /// <summary>The permit an approved individual application yielded.</summary>
    public Guid? PermitId { get; set; }
}

internal sealed class Entry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RequestId { get; init; }
    public int Row { get; init; }
    public required string FullName { get; init; }
    public required string IdNumber { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public required string Gender { get; init; }
    public string? Phone { get; init; }
    public string? Position { get; init; }
    public required string Residence { get; init; }
    public string? Workplace { get; init; }
    public string? Reason { get; init; }
    public string? Destination { get; init; }
    public required EntryStatus Status { get; set; }
}

/// <summary>The uploaded file, kept with its request as the enterprise sent it.</summary>
internal sealed class RequestFile
{
    public Guid RequestId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
}

/// <summary>
/// The approved list: one row per approved person of an enterprise (or individual), copied
/// from the entry at approval. Active until a replacement list replaces it.
/// </summary>
internal sealed class ApprovedEntry
{
    public Guid EntryId { get; init; }
    public Guid? EnterpriseId { get; init; }
    public Guid RequestId { get; init; }
    public required string CityCode { get; init; }
    public required string WardCode { get; init; }
    public required string FullName { get; init; }
    public required string IdNumber { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public required string Gender { get; init; }
    public string? Phone { get; init; }
    public string? Position { get; init; }
    public required string Residence { get; init; }
    public string? Workplace { get; init; }
    public DateTimeOffset ApprovedAt { get; init; }
    public bool Active { get; set; } = true;
    public DateTimeOffset? ReplacedAt { get; set; }
}

/// <summary>
/// What an approval leaves for another module to do (docs/adr/0017): a quota change decided with a
/// request's approval, or an individual application's permit. Written in the approval's
/// transaction, done once afterwards (the other module keys it by the request or the entry), by the
/// sweep if the process died first.
/// </summary>
internal sealed class FollowUp
{
    public const string QuotaChange = "quota_change";
    public const string IndividualPermit = "individual_permit";

    public Guid RequestId { get; init; }
    public required string Kind { get; init; }
    public Guid? EnterpriseId { get; init; }
    public Guid? EntryId { get; init; }
    public int? RatioPercent { get; init; }
    public int? Quota { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary><c>applied</c>, <c>issued</c>, or <c>refused: {code}</c>.</summary>
    public string? Outcome { get; set; }
}
