using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.Permits.Periods;

/// <summary>
/// The scheduled side of period ends. One durable job does whatever is due (<see cref="PeriodEnds.RunDueAsync"/>);
/// each open period has a trigger for it shortly before its end (the rollover lead) and at its end,
/// and a sweep every minute catches up with anything missed (a Host that was down, a trigger lost
/// between a period's creation and its scheduling). Never two runs at once, on any instance.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PeriodEndJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("period-ends", "permits");
    public static readonly TriggerKey SweepKey = new("period-ends-sweep", "permits");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PeriodEnds>().RunDueAsync(cancellationToken);
    }

    public static TriggerKey TriggerFor(Guid periodId) => new($"period-end-{periodId:N}", "permits");
}

/// <summary>Keeps one trigger per open period in the scheduler: at creation, and rebuilt from the periods at start.</summary>
internal sealed partial class PeriodTriggers(
    ISchedulerFactory schedulers, IOptions<SchedulerOptions> schedulerOptions, IOptions<PeriodEndOptions> options, TimeProvider time, ILogger<PeriodTriggers> logger)
{
    private bool Enabled => schedulerOptions.Value.Enabled;

    public async Task ScheduleAsync(Period period, CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            var lead = options.Value.RolloverLead;
            var now = time.GetUtcNow();
            var first = period.EndsAt - lead;
            var trigger = TriggerBuilder.Create()
                .WithIdentity(PeriodEndJob.TriggerFor(period.Id))
                .ForJob(PeriodEndJob.Key)
                .WithDescription($"End of period {period.Label}")
                .StartAt(first > now ? first : now)
                .WithSimpleSchedule(s => (lead > TimeSpan.Zero && first > now
                        ? s.WithInterval(lead).WithRepeatCount(1) // once before the end to carry, once at the end to close or expire
                        : s.WithRepeatCount(0))
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sweep still finds the period when it ends.
            LogScheduleFailed(logger, e, period.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule the end of period {PeriodId}; the minute sweep will handle it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, Guid periodId);
}

/// <summary>At start, after the scheduler: a trigger for every open period (the in-memory store starts empty).</summary>
internal sealed class PeriodTriggerRebuild(IServiceScopeFactory scopes, PeriodTriggers triggers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitsDbContext>();
        foreach (var period in await db.Periods.AsNoTracking().Where(p => p.ClosedAt == null).ToListAsync(cancellationToken))
        {
            await triggers.ScheduleAsync(period, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
