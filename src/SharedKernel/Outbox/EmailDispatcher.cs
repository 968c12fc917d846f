using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.SharedKernel.Outbox;

/// <summary>
/// Sends what the outbox holds; the outbox jobs (<see cref="EmailJobs"/>) run it. A message is
/// claimed by a conditional update (a lease), so two runs, on one Host or two, never send the same
/// one at once. A failed attempt is recorded with the row and retried with exponential backoff until
/// <see cref="EmailOptions.MaxAttempts"/>; a message refused for good, or failing that often, is
/// marked failed, kept, and listed for the admin. Every attempt carries the row's Message-ID.
/// </summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcher> logger)
{
    /// <summary>
    /// Longer than an attempt can take (the SMTP client's timeouts, <see cref="EmailTransport"/>):
    /// a lease never runs out under a send still under way, and one left by a killed Host ends.
    /// </summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends whatever is due, round after round, until nothing is.</summary>
    public async Task<int> DispatchAllDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested && await DispatchDueAsync(cancellationToken) is var handled and > 0)
        {
            total += handled;
        }
        return total;
    }

    /// <summary>Sends the messages due now (20 at most); returns how many it handled.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = time.GetUtcNow();
        var due = await db.OutboxEmails.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in due)
        {
            if (await TrySendAsync(db, id, cancellationToken))
            {
                handled++;
            }
        }
        return handled;
    }

    /// <summary>One attempt at this message, if it is due and no one else holds it; false when it was not to be sent now.</summary>
    public async Task<bool> SendIfDueAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await TrySendAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), id, cancellationToken);
    }

    private async Task<bool> TrySendAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now + Lease;
        var claimed = await db.OutboxEmails
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return false; // sent, not due, or another run holds it
        }
        var email = await db.OutboxEmails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        await SendOneAsync(db, email, cancellationToken);
        return true;
    }

    private async Task SendOneAsync(PlatformDbContext db, OutboxEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, email, e, cancellationToken);
            return;
        }
        // Sent: recorded even when the Host is stopping, lest the next run send it again.
        var sentAt = time.GetUtcNow();
        await db.OutboxEmails.Where(m => m.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, email.Attempts + 1)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(PlatformDbContext db, OutboxEmail email, Exception e, CancellationToken cancellationToken)
    {
        var attempts = email.Attempts + 1;
        var settings = options.Value;
        var refused = e is EmailRefusedException { Final: true };
        var status = refused || attempts >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(settings.FirstRetrySeconds * Math.Pow(2, attempts - 1));
        var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        await db.OutboxEmails.Where(m => m.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (status == OutboxStatus.Failed)
        {
            LogGaveUp(logger, e, email.Id, attempts);
        }
        else
        {
            LogSendFailed(logger, e, email.Id, attempts);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {Id} failed (attempt {Attempts}); it will be retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid id, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Id} was not sent after {Attempts} attempt(s) and is marked failed (GET /api/v1/admin/outbox?status=failed)")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid id, int attempts);
}
