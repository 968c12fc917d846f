using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TravelPermits.SharedKernel.Scheduling;

internal sealed record RecurringJobDefinition(string Id, Action<IRecurringJobManager, IServiceProvider> Register);

/// <summary>
/// After start (migrations done): puts every module's recurring jobs in the job storage. A job
/// storage that refuses for a while does not stop the Host: on PostgreSQL, a Host killed while
/// holding a recurring job's lock leaves it to Hangfire's lock timeout. It tries again until done.
/// </summary>
internal sealed partial class RecurringJobRegistration(
    IEnumerable<RecurringJobDefinition> definitions, IRecurringJobManager jobs, IServiceProvider services, ILogger<RecurringJobRegistration> logger)
    : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = definitions.ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            foreach (var definition in pending.ToList())
            {
                try
                {
                    definition.Register(jobs, services);
                    pending.Remove(definition);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRetry(logger, e, definition.Id);
                }
            }
            if (pending.Count > 0)
            {
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the recurring job {Id} yet; trying again in 5 s")]
    private static partial void LogRetry(ILogger logger, Exception exception, string id);
}
