using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Geography.Contracts;
using TravelPermits.Geography.Import;
using TravelPermits.Geography.Persistence;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Geography;

/// <summary>The national catalogue of administrative units: cities, districts, wards.</summary>
public static class GeographyModule
{
    public static IServiceCollection AddGeographyModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddModuleDbContext<GeographyDbContext>("__geo_migrations");
        services.AddScoped<IGeographyDirectory, GeographyDirectory>();
        services.AddScoped<IGeographyImport, CatalogueImporter>();
        services.AddValidatorsFromAssembly(typeof(GeographyModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
