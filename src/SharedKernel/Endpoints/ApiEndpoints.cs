using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using HttpStatus = Microsoft.AspNetCore.Http.StatusCodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.SharedKernel.Endpoints;

/// <summary>
/// FastEndpoints, configured once for every module: discovery limited to the modules'
/// assemblies, the same JSON as the rest of the Host, and every refusal in the contract's
/// problem shape (<c>errors</c> as <c>{ field: [messages] }</c>, <c>code</c>, the caller's language).
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Registers the endpoints, groups and validators of <paramref name="assemblies"/> (and no other: full scanning breaks on .NET 10).</summary>
    public static IServiceCollection AddApiEndpoints(this IServiceCollection services, params Assembly[] assemblies) =>
        services.AddFastEndpoints(discovery =>
        {
            discovery.DisableAutoDiscovery = true;
            discovery.Assemblies = [typeof(ApiEndpoints).Assembly, .. assemblies];
            discovery.IncludeAbstractValidators = true;
        });

    public static WebApplication UseApiEndpoints(this WebApplication app)
    {
        // FastEndpoints answers a body-less call to a JSON endpoint with a bare 415; answer it here,
        // after authorization as before, in the problem shape.
        const int unsupported = HttpStatus.Status415UnsupportedMediaType;
        app.Use((http, next) => NeedsBodyType(http)
            ? http.WriteProblemAsync(unsupported, CommonTexts.CodeForStatus(unsupported), CommonTexts.ForStatus(unsupported)).AsTask()
            : next(http));
        app.UseFastEndpoints(config =>
        {
            config.Endpoints.RoutePrefix = null;
            config.Endpoints.ShortNames = true;
            // One JSON for the whole Host: requests and answers use its HTTP JSON options, and so
            // does the OpenAPI document, which reads FastEndpoints' options (names in camelCase).
            var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            config.Serializer.Options.PropertyNamingPolicy = json.PropertyNamingPolicy;
            foreach (var converter in json.Converters)
            {
                config.Serializer.Options.Converters.Add(converter);
            }
            config.Serializer.ResponseSerializer = SerializeAsync;
            // A body that is not JSON, or holds a value its field cannot take, is refused as the
            // framework's bad request: ProblemExceptionHandler explains it in the caller's language.
            config.Serializer.RequestDeserializer = DeserializeAsync;
            config.Binding.JsonExceptionTransformer = null;
            config.Binding.FailureMessage = (_, property, _) => CommonTexts.WrongJsonValue.Format(ValidationNames.JsonName(property)).Resolve();
            config.Errors.StatusCode = HttpStatus.Status400BadRequest;
            config.Errors.ContentType = "application/problem+json";
            config.Errors.ProducesMetadataType = typeof(HttpValidationProblemDetails);
            config.Errors.ResponseBuilder = ValidationProblem;
        });
        return app;
    }

    private static bool NeedsBodyType(HttpContext http) =>
        !http.Request.Headers.ContainsKey(HeaderNames.ContentType)
        && http.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<EndpointDefinition>() is not null
        && metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && !accepts.ContentTypes.Contains("*/*");

    private static JsonSerializerOptions Json(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    // FastEndpoints asks for plain "application/json"; the Minimal APIs' answers said the charset, and so do ours.
    private static Task SerializeAsync(HttpResponse response, object? body, string contentType, JsonSerializerContext? context, CancellationToken cancellationToken) =>
        response.WriteAsJsonAsync(body, body?.GetType() ?? typeof(object), Json(response.HttpContext),
            contentType == "application/json" ? "application/json; charset=utf-8" : contentType, cancellationToken);

    private static async ValueTask<object?> DeserializeAsync(HttpRequest request, Type type, JsonSerializerContext? context, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            // No body at all: unreadable, as the Minimal APIs said, rather than JSON broken at its first character.
            throw new BadHttpRequestException("The request body is empty.", HttpStatus.Status400BadRequest);
        }
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, Json(request.HttpContext), cancellationToken);
        }
        catch (JsonException invalid)
        {
            throw new BadHttpRequestException("The JSON body could not be read.", HttpStatus.Status400BadRequest, invalid);
        }
    }

    /// <summary>Every failure at once, grouped by the field's JSON name.</summary>
    private static object ValidationProblem(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => ValidationNames.JsonName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var problem = new HttpValidationProblemDetails(errors) { Status = status, Detail = CommonTexts.ValidationFailed.Resolve() };
        problem.Extensions["code"] = "validation_failed";
        ProblemShape.Complete(problem, http);
        return problem;
    }
}
