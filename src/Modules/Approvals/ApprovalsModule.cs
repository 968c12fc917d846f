using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Approvals.Applications;
using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Approvals;

/// <summary>Requests (Excel lists), individual applications and the wards' approval chains.</summary>
public static class ApprovalsModule
{
    public static IServiceCollection AddApprovalsModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddModuleDbContext<ApprovalsDbContext>("__apr_migrations");
        services.AddScoped<RequestIntake>();
        services.AddScoped<ChainService>();
        services.AddScoped<IApprovedList, ApprovedList>();
        services.AddValidatorsFrom(typeof(ApprovalsModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapApprovalsEndpoints(this IEndpointRouteBuilder routes)
    {
        RequestEndpoints.Map(routes);
        ApplicationEndpoints.Map(routes);
        return routes;
    }
}
