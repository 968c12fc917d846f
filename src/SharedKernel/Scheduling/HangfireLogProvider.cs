using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// Hangfire logs through one provider per process (<c>LogProvider</c>, a static), which
/// <c>AddHangfire</c> points at the logger factory of the last Host configured. Once that Host is
/// disposed, every other Host's Hangfire would throw <see cref="ObjectDisposedException"/> where it
/// creates a logger (fetching a job, on PostgreSQL), and its workers stop (seen in the tests, which
/// run many Hosts in one process). This provider drops what it can no longer log instead.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
