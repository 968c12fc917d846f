using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The OpenAPI document describes every route the Host maps under /api, with its route and query parameters.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class OpenApiTests(SqliteHost host)
{
    [Fact]
    public async Task Every_api_route_is_in_the_document_with_its_route_and_query_parameters()
    {
        var routes = ApiRoutes(host.Services);
        // The enumeration itself finds the API: a check over no route would pass for nothing.
        Assert.True(routes.Count >= 50, $"only {routes.Count} API routes were found");
        Assert.Contains(routes, r => r is { Method: "get", Path: "/api/v1/enterprises/{id}" });
        Assert.Contains(routes, r => r.Method == "get" && r.Path == "/api/v1/enterprises" && r.Query.Contains("wardCode", StringComparer.OrdinalIgnoreCase));

        var document = await DocumentAsync();
        Assert.Empty(Missing(document, routes));
        // Statuses are named as on the wire, not as the C# members.
        var permitStatus = document.GetProperty("components").GetProperty("schemas").GetProperty("PermitStatus").GetProperty("enum");
        Assert.Contains("issued", permitStatus.EnumerateArray().Select(e => e.GetString()));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_check_names_a_route_or_a_parameter_that_the_document_lacks()
    {
        var routes = ApiRoutes(host.Services);
        var document = JsonNode.Parse((await DocumentAsync()).GetRawText())!;
        var paths = document["paths"]!.AsObject();
        paths.Remove("/api/v1/users/{id}");
        var list = paths["/api/v1/enterprises"]!["get"]!["parameters"]!.AsArray();
        list.Remove(list.First(p => (string?)p!["name"] is { } name && name.Equals("wardCode", StringComparison.OrdinalIgnoreCase)));
        var permit = paths["/api/v1/permits/{id}"]!["get"]!.AsObject();
        permit.Remove("parameters");

        var missing = Missing(JsonSerializer.Deserialize<JsonElement>(document.ToJsonString()), routes);

        Assert.Contains("get /api/v1/users/{id}", missing);
        Assert.Contains("get /api/v1/enterprises: query parameter wardCode", missing);
        Assert.Contains("get /api/v1/permits/{id}: path parameter id", missing);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await host.Anonymous().Get("/openapi/v1.json");
        return await response.Expect(HttpStatusCode.OK);
    }

    private sealed record ApiRoute(string Method, string Path, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> Query);

    /// <summary>Every route endpoint under /api that is not excluded from the description, as OpenAPI writes its path.</summary>
    private static List<ApiRoute> ApiRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => Describe(e, method)))
            .ToList();

    private static ApiRoute Describe(RouteEndpoint endpoint, string method)
    {
        var pattern = endpoint.RoutePattern;
        var path = "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
        var routeParameters = pattern.Parameters.Select(p => p.Name).ToList();
        // A GET binds its request DTO's other properties from the query string.
        var query = HttpMethods.IsGet(method) && endpoint.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType is { } dto && dto != typeof(EmptyRequest)
            ? dto.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && !routeParameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .ToList()
            : [];
        return new ApiRoute(method.ToLowerInvariant(), path, routeParameters, query);
    }

    /// <summary>What the document lacks: "method path" for a missing operation, or the parameter it does not declare.</summary>
    private static List<string> Missing(JsonElement document, IEnumerable<ApiRoute> routes)
    {
        var missing = new List<string>();
        var paths = document.GetProperty("paths");
        foreach (var route in routes)
        {
            if (!paths.TryGetProperty(route.Path, out var item) || !item.TryGetProperty(route.Method, out var operation))
            {
                missing.Add($"{route.Method} {route.Path}");
                continue;
            }
            var declared = operation.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => (In: p.GetProperty("in").GetString(), Name: p.GetProperty("name").GetString() ?? "")).ToList()
                : [];
            missing.AddRange(route.RouteParameters
                .Where(name => !declared.Any(p => p.In == "path" && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Select(name => $"{route.Method} {route.Path}: path parameter {name}"));
            missing.AddRange(route.Query
                .Where(name => !declared.Any(p => p.In == "query" && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Select(name => $"{route.Method} {route.Path}: query parameter {name}"));
        }
        return missing;
    }
}
