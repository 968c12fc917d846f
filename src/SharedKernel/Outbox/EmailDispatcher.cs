using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.SharedKernel.Outbox;

/// <summary>
/// Sends what the outbox holds. A message is claimed by a conditional update (a lease), so two
/// Host instances never send the same one at once; failures are retried with exponential
/// backoff until <see cref="EmailOptions.MaxAttempts"/>, then the message is marked failed.
/// </summary>
internal sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(logger, e);
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends the messages due now; returns how many it handled.</summary>
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
            var leaseUntil = now + Lease;
            var claimed = await db.OutboxEmails
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance took it
            }
            var email = await db.OutboxEmails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await SendOneAsync(db, email, cancellationToken);
            handled++;
        }
        return handled;
    }

    private async Task SendOneAsync(PlatformDbContext db, OutboxEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(email, cancellationToken);
            var sentAt = time.GetUtcNow();
            await db.OutboxEmails.Where(m => m.Id == email.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, email.Attempts + 1)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var attempts = email.Attempts + 1;
            var settings = options.Value;
            var status = attempts >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
            var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(settings.FirstRetrySeconds * Math.Pow(2, attempts - 1));
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await db.OutboxEmails.Where(m => m.Id == email.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            LogSendFailed(logger, e, email.Id, attempts);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The email dispatcher failed; it will try again")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {Id} failed (attempt {Attempts})")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid id, int attempts);
}
