using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Persistence;

public static class PersistenceSetup
{
    /// <summary>The database, the platform's tables and the shared Data Protection key ring.</summary>
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddModuleDbContext<PlatformDbContext>("__platform_migrations");

        // The key ring lives in the database, encrypted with a certificate kept outside it. Data
        // Protection takes the certificate itself, not a service: it is read now.
        var keyEncryption = KeyEncryptionCertificate.From(configuration.ReadSettings<KeyEncryptionOptions>(KeyEncryptionOptions.Section));
        services.AddSingleton(keyEncryption);
        services.AddDataProtection().SetApplicationName("travel-permits")
            .PersistKeysToDbContext<PlatformDbContext>()
            .ProtectKeysWithCertificate(keyEncryption.Current)
            .UnprotectKeysWithAnyCertificate([.. keyEncryption.All]);
        return services;
    }

    /// <summary>
    /// Registers a module's DbContext on the configured database with its own migrations history
    /// table; <see cref="MigrateAsync"/> applies its migrations at start.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) => sp.GetRequiredService<DatabaseOptions>().Configure(options, migrationsHistoryTable));
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return services;
    }

    /// <summary>Applies every module's migrations, the platform's first, in registration order.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        database.EnsureSqliteFolder();
        await using var scope = services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while a writer commits; it is a property of the file, set once.
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await platform.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>The module DbContexts registered, for health checks and schema tests.</summary>
    public static IEnumerable<Type> ModuleContextTypes(this IServiceProvider services) =>
        services.GetServices<IModuleDatabase>().Select(m => m.ContextType);
}

internal interface IModuleDatabase
{
    Type ContextType { get; }
    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext> : IModuleDatabase where TContext : DbContext
{
    public Type ContextType => typeof(TContext);

    public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
}
