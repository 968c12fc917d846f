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
    public static IServiceCollection AddProblemAnswers(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemShape.Complete(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static WebApplication UseProblemAnswers(this WebApplication app)
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
