using Microsoft.Extensions.Logging;

namespace TravelPermits.TestSupport;

/// <summary>
/// The last errors the in-process Hosts logged, with their exceptions, and their critical lines, kept
/// so that a test that gets an unexpected 500, or whose Host stopped under it, says why
/// (<see cref="Http.Expect"/>, <see cref="Http.Get"/>): the test runner shows none of a Host's log,
/// and a 500's body never carries the exception.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private const int Kept = 8;
    private static readonly Queue<string> Last = new();

    /// <summary>The kept errors, oldest first.</summary>
    public static string Recent()
    {
        lock (Last)
        {
            return string.Join("\n", Last);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Errors with their exception (a 500's cause), and every critical line (a silo that stops its Host logs one).
            if (!IsEnabled(logLevel) || (exception is null && logLevel < LogLevel.Critical))
            {
                return;
            }
            lock (Last)
            {
                Last.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}\n{exception}");
                while (Last.Count > Kept)
                {
                    Last.Dequeue();
                }
            }
        }
    }
}
