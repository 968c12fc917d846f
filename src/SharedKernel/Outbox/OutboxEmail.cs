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
    public OutboxEmail()
    {
        Id = Guid.CreateVersion7();
        MessageId = MessageIdFor(Id);
    }

    public Guid Id { get; init; }

    /// <summary>
    /// The Message-ID header (without its angle brackets), stored with the row: every attempt, and a
    /// resend after a crash between sending and recording it, carries the same one, by which a
    /// receiving server or mail client knows it for the same message.
    /// </summary>
    public string MessageId { get; init; }

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

    /// <summary>The Message-ID of the row with this id: what ADR 6 sent before it was stored, so that rows queued before keep theirs.</summary>
    internal static string MessageIdFor(Guid id) => $"{id:N}@travel-permits";
}
