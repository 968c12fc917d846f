using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TravelPermits.Permits.Tokens;

/// <summary>Picks up keys another Host instance created or retired.</summary>
internal sealed partial class KeyRingRefresher(KeyRing keys, ILogger<KeyRingRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(60));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await keys.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the signing keys failed; the ones in memory stay in use")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
