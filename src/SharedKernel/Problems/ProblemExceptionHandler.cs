using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Problems;

/// <summary>
/// Turns every exception into problem details: <see cref="ProblemException"/> with its own
/// status and code, bad requests (malformed JSON, body too large) with theirs, anything else as
/// the mappings other parts of the Host registered (<see cref="IExceptionProblems"/>), anything else
/// as a 500 without a stack trace.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, IEnumerable<IExceptionProblems> mappings, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => FromProblem(p),
            BadHttpRequestException bad => FromBadRequest(bad),
            TryAgainException => Unavailable(httpContext),
            FluentValidation.ValidationException invalid => FromValidation(invalid),
            System.Data.Common.DbException { IsTransient: true } => Unavailable(httpContext),
            Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: System.Data.Common.DbException { IsTransient: true } } => Unavailable(httpContext),
            InvalidOperationException { InnerException: System.Data.Common.DbException { IsTransient: true } } => Unavailable(httpContext), // EF's execution strategy wraps it
            _ => null,
        };
        foreach (var mapping in mappings)
        {
            problem ??= mapping.TryMap(exception, httpContext);
        }
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = 500 };
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = null, // never echo the exception to the caller
        });
    }

    private static ProblemDetails FromProblem(ProblemException p)
    {
        var problem = new ProblemDetails { Status = p.Status, Detail = p.Text.Resolve() };
        problem.Extensions["code"] = p.Code;
        foreach (var (key, value) in p.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var problem = new ProblemDetails { Status = bad.StatusCode };
        if (bad.StatusCode == 400)
        {
            // Said in the caller's language, without the parser's own (English) words.
            var detail = ((bad.InnerException as System.Text.Json.JsonException) switch
            {
                // A value the property's type cannot hold (a syntax error carries the reader's own JsonException).
                { InnerException: not System.Text.Json.JsonException, Path: { Length: > 1 } path } when path != "$" => CommonTexts.WrongJsonValue.Format(path.TrimStart('$', '.')),
                { LineNumber: { } line, BytePositionInLine: { } position } => CommonTexts.MalformedJson.Format(line + 1, position + 1),
                _ => CommonTexts.MalformedBody,
            }).Resolve();
            problem.Detail = detail;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [detail] };
        }
        return problem;
    }

    /// <summary>The database is momentarily out of reach (connections, failover): try again shortly, nothing was changed.</summary>
    private static ProblemDetails Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "2";
        return new ProblemDetails { Status = 503 };
    }

    private static ProblemDetails FromValidation(FluentValidation.ValidationException invalid)
    {
        var problem = new ProblemDetails { Status = 400, Detail = CommonTexts.ValidationFailed.Resolve() };
        problem.Extensions["errors"] = invalid.Errors
            .GroupBy(e => Validation.ValidationNames.JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
