using Hangfire;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.SharedKernel.Outbox;

/// <summary>
/// The outbox's Hangfire jobs, on the <c>emails</c> queue. The sweep, a recurring job every
/// <see cref="EmailOptions.PollSeconds"/>, sends whatever is due (new emails, retries, and those
/// whose own job was lost); one email's job sends it as soon as its change has committed. Both go
/// through the row's lease: Hangfire may run a job twice, the row is sent once.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[IdempotentJob]
internal sealed class EmailJobs(EmailDispatcher dispatcher, IJobLocks locks)
{
    public const string QueueName = "emails";
    public const string SweepId = "outbox.sweep";

    [Queue(QueueName)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.TryTakeAsync(SweepId, TimeSpan.Zero, cancellationToken);
        if (held is null)
        {
            return; // a sweep is under way, on this Host or another: it sends what this one would
        }
        await dispatcher.DispatchAllDueAsync(cancellationToken);
    }

    [Queue(QueueName)]
    public Task SendAsync(Guid id, CancellationToken cancellationToken) => dispatcher.SendIfDueAsync(id, cancellationToken);
}
