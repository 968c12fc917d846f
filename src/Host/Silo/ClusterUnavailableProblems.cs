using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Host.Silo;

/// <summary>
/// A grain call that failed because a silo of the cluster died (or the local one is stopping)
/// answers 503 <c>cluster_unavailable</c> with <c>Retry-After</c>, not 500: once the cluster has
/// declared the silo dead, the grain is activated again on a live one and the same call succeeds.
/// Nothing was changed by the failed call that a retry would repeat (a grain writes in one
/// transaction), and the idempotency middleware stores only successful answers, so a retry with
/// the same <c>Idempotency-Key</c> gets the first real answer.
/// </summary>
internal sealed partial class ClusterUnavailableProblems(
    IOptions<ClusterMembershipOptions> membership, ILogger<ClusterUnavailableProblems> logger) : IExceptionProblems
{
    public const string Code = "cluster_unavailable";

    public ProblemDetails? TryMap(Exception exception, HttpContext http)
    {
        if (!IsClusterFailure(exception))
        {
            return null;
        }
        LogClusterFailure(logger, exception, http.Request.Method, http.Request.Path);
        http.Response.Headers.RetryAfter = RetryAfterSeconds(membership.Value).ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = CommonTexts.ClusterUnavailable.Resolve() };
        problem.Extensions["code"] = Code;
        return problem;
    }

    /// <summary>
    /// What Orleans completes a grain call with when the silo that holds the grain is gone:
    /// <see cref="SiloUnavailableException"/> (the silo is known dead, or died with the call in
    /// flight, or the local silo is stopping), the other <see cref="OrleansMessageRejectionException"/>s
    /// (the message could not be sent: connection refused or reset), a
    /// <see cref="ConnectionFailedException"/>, and <see cref="TimeoutException"/> (no answer within
    /// the response timeout: the silo hangs). A database's timeout is a transient
    /// <c>DbException</c>, answered before this is asked. Looked for through inner exceptions too.
    /// </summary>
    public static bool IsClusterFailure(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++)
        {
            if (exception is OrleansMessageRejectionException or ConnectionFailedException or TimeoutException)
            {
                return true;
            }
            // An aggregate of several failures is not only this one: it stays a 500.
            exception = exception is AggregateException aggregate
                ? aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : null
                : exception.InnerException;
        }
        return false;
    }

    /// <summary>
    /// About the time the cluster takes to declare a dead silo dead (missed probes times their
    /// timeout), after which the grain lives again on a live silo; at least one second.
    /// </summary>
    public static int RetryAfterSeconds(ClusterMembershipOptions options) =>
        Math.Max(1, (int)Math.Ceiling(options.ProbeTimeout.TotalSeconds * options.NumMissedProbesLimit));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A grain call of {Method} {Path} failed because a silo is unavailable; answered 503")]
    private static partial void LogClusterFailure(ILogger logger, Exception exception, string method, string path);
}
