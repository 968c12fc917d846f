using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TravelPermits.SharedKernel.Recovery;

/// <summary>
/// A module's sweep of work left half done by a process that died (docs/adr/0017): run once the
/// Host has started (its silo included, since the sweeps call grains), then every
/// <see cref="RecoveryOptions.SweepSeconds"/>, each time in a scope of its own. Every step a sweep
/// takes is one that may be taken twice, or beside the process that began it, without harm.
/// </summary>
public abstract partial class RecoverySweep(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<RecoveryOptions> options, ILogger logger) : BackgroundService
{
    /// <summary>One sweep: finishes what has been left unfinished for longer than <paramref name="staleAfter"/>.</summary>
    protected abstract Task SweepAsync(IServiceProvider services, TimeSpan staleAfter, CancellationToken ct);

    /// <summary>
    /// The cut-off of a sweep whose steps are harmless to repeat (each keyed by its own id): work a
    /// moment old (5 s, or <paramref name="staleAfter"/> when shorter) is taken, rather than waiting
    /// for <see cref="RecoveryOptions.StaleSeconds"/>.
    /// </summary>
    protected static DateTimeOffset RepeatableCutoff(IServiceProvider services, TimeSpan staleAfter) =>
        services.GetRequiredService<TimeProvider>().GetUtcNow() - (staleAfter < Moment ? staleAfter : Moment);

    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await SweepAsync(scope.ServiceProvider, options.Value.StaleAfter, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} failed; it runs again at its next turn")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sweep);
}
