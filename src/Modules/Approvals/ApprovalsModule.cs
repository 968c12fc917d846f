using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.Approvals;

/// <summary>Requests (Excel lists), individual applications and the wards' approval chains.</summary>
public static class ApprovalsModule
{
    public static IServiceCollection AddApprovalsModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapApprovalsEndpoints(this IEndpointRouteBuilder routes) => routes;
}
