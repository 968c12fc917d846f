using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TravelPermits.SharedKernel.Problems;

/// <summary>
/// Turns exceptions of a library the shared kernel does not reference (Orleans' failed grain
/// calls, say) into a problem answer. <see cref="ProblemExceptionHandler"/> asks each one
/// registered, after the exceptions it knows itself and before answering 500.
/// </summary>
public interface IExceptionProblems
{
    /// <summary>
    /// The problem for <paramref name="exception"/>, having set any header it needs on the response
    /// (<c>Retry-After</c>), or null when the exception is not one of these.
    /// </summary>
    ProblemDetails? TryMap(Exception exception, HttpContext http);
}
