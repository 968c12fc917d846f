using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Problems;

public static class ProblemsSetup
{
    /// <summary>
    /// Every error answer is problem+json with a stable <c>code</c> and a title in the caller's
    /// language, whatever produced it (a handler, routing, authentication, Kestrel's limits).
    /// </summary>
    public static IServiceCollection AddPermitsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
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
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static WebApplication UsePermitsProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Writes a problem answer directly (used by middleware that runs before endpoints).</summary>
    public static ValueTask WriteProblemAsync(this HttpContext http, int status, string code, LocalizedText message)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = message.Resolve() };
        details.Extensions["code"] = code;
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
    }
}
