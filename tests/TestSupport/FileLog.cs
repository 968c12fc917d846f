using Microsoft.Extensions.Logging;

namespace TravelPermits.TestSupport;

/// <summary>
/// With <c>PERMITS_TEST_LOG=&lt;file&gt;</c>, the in-process Hosts' warnings and errors (Hangfire's
/// included) are appended to that file: the test runner shows none of a Host's log.
/// </summary>
public sealed class FileLog(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public static FileLog? FromEnvironment() =>
        Environment.GetEnvironmentVariable("PERMITS_TEST_LOG") is { Length: > 0 } path ? new FileLog(path) : null;

    public ILogger CreateLogger(string categoryName) => new Logger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            lock (Gate)
            {
                File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n");
            }
        }
    }
}
