using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Policies;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Enterprises;

/// <summary>Enterprises, wards' policies and workforce quotas.</summary>
public static class EnterprisesModule
{
    /// <summary>The rate-limiting policy the Host must define for anonymous writes (self-registration).</summary>
    public const string AnonymousWritesPolicy = RegistrationEndpoints.AnonymousWrites;

    public static IServiceCollection AddEnterprisesModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddModuleDbContext<EnterprisesDbContext>("__ent_migrations");
        services.AddScoped<EnterpriseDirectory>();
        services.AddScoped<IEnterpriseDirectory>(sp => sp.GetRequiredService<EnterpriseDirectory>());
        services.AddScoped<IEnterpriseScopeLookup>(sp => sp.GetRequiredService<EnterpriseDirectory>());
        services.AddScoped<IQuotaLedger, QuotaLedger>();
        services.AddScoped<PolicyDefaults>();
        services.AddScoped<IWardPolicies>(sp => sp.GetRequiredService<PolicyDefaults>());
        services.AddScoped<EnterpriseRegistrar>();
        services.AddScoped<IEnterpriseRegistration>(sp => sp.GetRequiredService<EnterpriseRegistrar>());
        services.AddScoped<QuotaChanger>();
        services.AddScoped<IQuotaAdjustment>(sp => sp.GetRequiredService<QuotaChanger>());
        services.AddValidatorsFrom(typeof(EnterprisesModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapEnterprisesEndpoints(this IEndpointRouteBuilder routes)
    {
        RegistrationEndpoints.Map(routes);
        BrowseEndpoints.Map(routes);
        ChangeQuotaEndpoint.Map(routes);
        PolicyEndpoints.Map(routes);
        return routes;
    }
}
