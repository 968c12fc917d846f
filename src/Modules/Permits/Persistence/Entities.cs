namespace TravelPermits.Permits.Persistence;

internal sealed class Permit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EntryId { get; init; }
    public Guid? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public required string CityCode { get; init; }
    public required string WardCode { get; init; }
    public required string WardName { get; init; }
    public required string HolderName { get; init; }
    public required string IdNumber { get; init; }
    public required string IdNumberMasked { get; init; }
    public DateOnly DateOfBirth { get; init; }
    /// <summary>Holder's name folded and ID number, for diacritics-insensitive search.</summary>
    public required string SearchKey { get; init; }
    public required PermitStatus Status { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidTo { get; set; }
    /// <summary>The validity period the permit is in; null when issued while no period was current.</summary>
    public Guid? PeriodId { get; set; }
    public required string Token { get; init; }
    public required string KeyId { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public required string IssuedBy { get; init; }
    public DateTimeOffset? StampedAt { get; set; }
    public string? StampedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>The enterprise's hold of quota places the permit was issued under (docs/adr/0017); null for individuals.</summary>
    public Guid? HoldId { get; init; }
}

/// <summary>
/// Whether the permits of a hold of quota places were written, decided once (docs/adr/0017): the
/// issuing transaction writes <c>Issued</c>; the sweep that finds the hold left behind writes
/// <c>not issued</c> if nothing was, and from then on the key refuses the issuing transaction.
/// </summary>
internal sealed class HoldOutcome
{
    public Guid HoldId { get; init; }
    public bool Issued { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// Places that revoked or expired permits give back to their enterprise, written in the transaction
/// that ends the permits and handed to the enterprise's grain afterwards (once, by this id), by the
/// sweep if the process died first.
/// </summary>
internal sealed class PlaceReturn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; init; }
    public int Places { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>An ES256 signing key; the private part protected by Data Protection (encrypted at rest).</summary>
internal sealed class SigningKey
{
    /// <summary>4 random bytes, hex: the COSE kid and the JWKS kid.</summary>
    public required string Kid { get; init; }
    public required string X { get; init; }
    public required string Y { get; init; }
    public required string ProtectedD { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>The revocation feed for offline verifiers: one line per revocation, in order.</summary>
internal sealed class Revocation
{
    public long Sequence { get; private set; }
    public Guid PermitId { get; init; }
    public DateTimeOffset RevokedAt { get; init; }
}

/// <summary>A validity period ("19/9 - 2/10"): permits are valid until its end, then carried into the next.</summary>
internal sealed class Period
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Label { get; init; }
    /// <summary>The city whose permits the period holds; null for every city (created so by an admin).</summary>
    public string? CityCode { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    /// <summary>When the period's end was dealt with: its live permits carried into the successor, or expired.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>
/// The carrying of a period's live permits into its successor. Written batch by batch in the
/// transactions that move the permits, so a rollover cut short resumes where it stopped.
/// </summary>
internal sealed class Rollover
{
    public Guid FromPeriodId { get; init; }
    public Guid ToPeriodId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public required string StartedBy { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Carried { get; set; }
}

/// <summary>How many permits of one enterprise a rollover carried, and whether it was told (once).</summary>
internal sealed class RolloverEnterprise
{
    public Guid FromPeriodId { get; init; }
    public Guid EnterpriseId { get; init; }
    public int Carried { get; set; }
    public bool Notified { get; set; }
}

/// <summary>
/// A named row whose update serialises work that must not run twice at once (period ends):
/// a row lock on PostgreSQL, the write lock on SQLite, on every Host instance alike.
/// </summary>
internal sealed class WorkLock
{
    public const string PeriodEnds = "period-ends";

    public required string Name { get; init; }
    public DateTimeOffset TakenAt { get; set; }
}

/// <summary>
/// A time a ward is locked down, as the Enterprises module decided it (<c>IWardLockdowns</c>): every
/// permit of the ward verifies <c>suspended</c> from <see cref="Since"/> until <see cref="Until"/>
/// (null: until a later decision). A ward's windows never overlap. Its id is the decision's.
/// </summary>
internal sealed class WardSuspension
{
    public Guid Id { get; init; }
    public required string WardCode { get; init; }
    public required string WardName { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset? Until { get; set; }
}

/// <summary>
/// The suspension feed for offline verifiers: one line per permit each time a window of its ward is
/// opened, changed, lifted or cancelled (then <see cref="Until"/> equals <see cref="Since"/>), in
/// order; the latest line of a permit and window is what holds.
/// </summary>
internal sealed class SuspensionNotice
{
    public long Sequence { get; private set; }
    public Guid PermitId { get; init; }
    public Guid SuspensionId { get; init; }
    public required string WardCode { get; init; }
    public required string WardName { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public DateTimeOffset At { get; init; }
}
