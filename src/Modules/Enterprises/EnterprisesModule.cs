using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Policies;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Persistence;

using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.Enterprises;

/// <summary>Enterprises, wards' policies and epidemic levels, and workforce quotas. Its routes are FastEndpoints of <see cref="EnterprisesApi"/>.</summary>
public static class EnterprisesModule
{
    /// <summary>The rate-limiting policy the Host must define for anonymous writes (self-registration).</summary>
    public const string AnonymousWritesPolicy = SelfRegisterEnterpriseEndpoint.AnonymousWrites;

    public static IServiceCollection AddEnterprisesModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddHttpContextAccessor(); // the registration validator reads the catalogue through the request
        services.AddSettings<QuotaOptions>(QuotaOptions.Section);
        services.AddModuleDbContext<EnterprisesDbContext>("__ent_migrations");
        services.AddScoped<EnterpriseDirectory>();
        services.AddScoped<IEnterpriseDirectory>(sp => sp.GetRequiredService<EnterpriseDirectory>());
        services.AddScoped<IEnterpriseScopeLookup>(sp => sp.GetRequiredService<EnterpriseDirectory>());
        services.AddScoped<EnterpriseBrowser>();
        services.AddScoped<QuotaPlaces>();
        services.AddHostedService<HoldSweep>();
        services.AddScoped<QuotaLevelFollower>();
        services.AddScoped<LockdownNotices>();
        services.AddScoped<WardLevelReader>();
        services.AddScoped<Geography.Contracts.IWardConditions>(sp => sp.GetRequiredService<WardLevelReader>());
        services.AddScoped<WardLevelStore>();
        services.AddScoped<WardLevelService>();
        services.AddHostedService<LevelSweep>();
        services.AddScoped<CityPolicyService>();
        services.AddScoped<WardPolicyStore>();
        services.AddScoped<WardPolicyService>();
        services.AddScoped<EnterpriseRegistrar>();
        services.AddScoped<IEnterpriseRegistration>(sp => sp.GetRequiredService<EnterpriseRegistrar>());
        services.AddScoped<QuotaChanger>();
        services.AddScoped<IEnterpriseFigures, Figures.EnterpriseCounts>();
        // FastEndpoints runs the validators before its endpoints; this one also guards the
        // registrations other modules ask for (IEnterpriseRegistration).
        services.AddValidatorsFromAssembly(typeof(EnterprisesModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
