namespace TravelPermits.SharedKernel.Audit;

/// <summary>One line of the append-only audit trail (the database refuses updates and deletes).</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public Guid? ActorId { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public string? Details { get; init; }
    public string? CityCode { get; init; }
    public string? WardCode { get; init; }
}
