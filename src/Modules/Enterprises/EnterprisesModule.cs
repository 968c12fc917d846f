using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.Enterprises;

/// <summary>Enterprises, wards' policies and workforce quotas.</summary>
public static class EnterprisesModule
{
    public static IServiceCollection AddEnterprisesModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapEnterprisesEndpoints(this IEndpointRouteBuilder routes) => routes;
}
