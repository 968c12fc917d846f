using Hangfire;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.SharedKernel.Outbox;

/// <summary>
/// The outbox's Hangfire job, on the <c>emails</c> queue: a recurring sweep every
/// <see cref="EmailOptions.PollSeconds"/> that sends whatever is due, new emails and retries. Each
/// row goes through its lease: Hangfire may run the job twice, or two at once, the row is sent once.
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
}
