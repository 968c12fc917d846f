using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// A job whose work the database keeps track of (an outbox row, a rollover's progress): a run
/// repeated after a crash does nothing twice. Such a job is not retried by Hangfire, which would
/// retry the same stale arguments: a failed run is deleted, and the next run or sweep finds what is
/// left in the database. Its record in Hangfire's storage is kept an hour, not a day: sweeps run
/// every few seconds. Put <c>[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]</c> beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class IdempotentJobAttribute : JobFilterAttribute, IApplyStateFilter
{
    private static readonly TimeSpan History = TimeSpan.FromHours(1);

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => context.JobExpirationTimeout = History;

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
