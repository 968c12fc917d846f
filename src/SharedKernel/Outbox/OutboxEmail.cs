namespace TravelPermits.SharedKernel.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>An email waiting to be sent, saved in the transaction of the change that caused it.</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
