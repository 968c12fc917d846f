using Microsoft.EntityFrameworkCore;

namespace TravelPermits.SharedKernel.Outbox;

public static class OutboxExtensions
{
    /// <summary>Queues an email in the context's pending changes; the dispatcher sends it once they are saved.</summary>
    public static void EnqueueEmail(this DbContext db, string to, string subject, string body, DateTimeOffset now) =>
        db.Set<OutboxEmail>().Add(new OutboxEmail
        {
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
}
