using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// The scheduled side of period ends, Hangfire jobs on the <c>periods</c> queue: one at each open
/// period's rollover lead and one at its end (<see cref="PeriodSchedule"/>), a catch-up sweep that
/// finds whatever they missed (a Host that was down, a job lost with the memory of a SQLite Host),
/// and the expiry of permits issued outside any period. Each does whatever is due
/// (<see cref="PeriodEnds"/>), whose progress is in the database: a job run again after a crash
/// resumes, never repeats. Never two runs at once, on any Host (<see cref="IJobLocks"/>).
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[IdempotentJob]
internal sealed partial class PeriodEndJob(PeriodEnds periodEnds, IJobLocks locks, ILogger<PeriodEndJob> logger)
{
    public const string QueueName = "periods";
    public const string SweepId = "periods.end-sweep";
    public const string UndatedExpiryId = "permits.undated-expiry";

    /// <summary>A period's own job waits this long for a run under way (which may have read what is due before this period was).</summary>
    private static readonly TimeSpan WaitForRunning = TimeSpan.FromMinutes(5);

    [Queue(QueueName)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.TryTakeAsync(SweepId, TimeSpan.Zero, cancellationToken);
        if (held is not null) // else a run is under way, and this sweep would find nothing more
        {
            await periodEnds.RunPeriodEndsAsync(cancellationToken);
        }
    }

    [Queue(QueueName)]
    public async Task AtPeriodEndAsync(Guid periodId, CancellationToken cancellationToken)
    {
        await using var held = await locks.TryTakeAsync(SweepId, WaitForRunning, cancellationToken);
        if (held is null)
        {
            LogBusy(logger, periodId);
            return;
        }
        await periodEnds.RunPeriodEndsAsync(cancellationToken);
    }

    [Queue(QueueName)]
    public async Task ExpireUndatedAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.TryTakeAsync(UndatedExpiryId, TimeSpan.Zero, cancellationToken);
        if (held is not null)
        {
            await periodEnds.ExpireUndatedAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The end of period {PeriodId} waited 5 minutes for another run of period ends; the sweep will see to it")]
    private static partial void LogBusy(ILogger logger, Guid periodId);
}

/// <summary>Schedules each open period's jobs: when it is created, and again at start where the job storage is in memory.</summary>
internal sealed partial class PeriodSchedule(
    IBackgroundJobClient jobs, IOptions<PeriodEndOptions> options, TimeProvider time, ILogger<PeriodSchedule> logger)
{
    public void Schedule(Period period)
    {
        try
        {
            // Hangfire waits on its own clock: the delays are read on the application's.
            var now = time.GetUtcNow();
            var end = period.EndsAt > now ? period.EndsAt - now : TimeSpan.Zero;
            var lead = options.Value.RolloverLead;
            if (lead > TimeSpan.Zero)
            {
                // Carried before the end, so that no checkpoint sees a permit expired in between;
                // already within the lead (a Host started late): at once.
                var carry = end > lead ? end - lead : TimeSpan.Zero;
                if (carry < end)
                {
                    jobs.Schedule<PeriodEndJob>(j => j.AtPeriodEndAsync(period.Id, CancellationToken.None), carry);
                }
            }
            jobs.Schedule<PeriodEndJob>(j => j.AtPeriodEndAsync(period.Id, CancellationToken.None), end); // to close, or expire its permits
        }
        catch (Exception e)
        {
            LogScheduleFailed(logger, e, period.Id); // the sweep still finds the period when it ends
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule the end of period {PeriodId}; the sweep will handle it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, Guid periodId);
}

/// <summary>
/// At start, on a Host whose job storage is in memory (SQLite): the jobs of every open period, lost
/// with the last process. A durable storage (PostgreSQL) still holds them.
/// </summary>
internal sealed class PeriodScheduleRebuild(
    IServiceScopeFactory scopes, PeriodSchedule schedule, SchedulerStorage storage, IOptions<SchedulerOptions> scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Durable || !scheduler.Value.Enabled)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitsDbContext>();
        foreach (var period in await db.Periods.AsNoTracking().Where(p => p.ClosedAt == null).ToListAsync(cancellationToken))
        {
            schedule.Schedule(period);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
