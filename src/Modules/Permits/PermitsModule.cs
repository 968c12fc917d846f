using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.Permits;

/// <summary>Permits, QR tokens and keys, verification, printing, validity periods.</summary>
public static class PermitsModule
{
    public static IServiceCollection AddPermitsModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapPermitsEndpoints(this IEndpointRouteBuilder routes) => routes;
}
