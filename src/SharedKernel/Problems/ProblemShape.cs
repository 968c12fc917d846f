using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Problems;

/// <summary>What every problem answer carries, whoever wrote it: type, a title in the caller's language, a <c>code</c>, the trace id.</summary>
internal static class ProblemShape
{
    public static void Complete(ProblemDetails problem, HttpContext http)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Title = CommonTexts.ForStatus(status).Resolve();
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = CommonTexts.CodeForStatus(status);
        }
        if (problem.Extensions["code"] is "validation_failed" && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>();
        }
        problem.Detail ??= problem.Title;
        problem.Extensions.Remove("exception");
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
    }
}
