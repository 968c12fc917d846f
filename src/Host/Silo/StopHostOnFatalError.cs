using Orleans.Runtime;

namespace TravelPermits.Host.Silo;

/// <summary>
/// What the Host does when its silo cannot go on: the cluster declared it dead (a long pause, a
/// network split, its database dropped) or a newer start of the same silo replaced it. Orleans'
/// own handler ends the process at once with <see cref="Environment.FailFast(string)"/>: requests
/// in flight are cut, the outbox and job threads die mid-step, and a test runner hosting the Host
/// dies with every test in it. This one logs, sets a failing exit code and stops the Host the
/// ordinary way: the web app stops taking requests, finishes the ones it holds (their grain calls
/// fail and answer 503 <c>cluster_unavailable</c>), and the process exits for its supervisor
/// (systemd, Docker's restart policy) to start it again as a new silo. Nothing accepted is lost:
/// every change was committed in the database before it was answered (ADR 0016).
/// </summary>
internal sealed partial class StopHostOnFatalError(
    IHostApplicationLifetime lifetime, ILogger<StopHostOnFatalError> logger) : IFatalErrorHandler
{
    /// <summary>The exit code of a Host stopped because its silo was declared dead.</summary>
    public const int ExitCode = 70; // EX_SOFTWARE

    private int _stopping;

    /// <summary>Every exception that reaches Orleans' fatal path is unexpected; none is shrugged off.</summary>
    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return;
        }
        LogFatal(logger, exception, sender?.GetType().Name ?? "Orleans", context ?? "");
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo cannot go on ({Sender}: {Context}); the Host stops so that its supervisor starts it again")]
    private static partial void LogFatal(ILogger logger, Exception? exception, string sender, string context);
}
