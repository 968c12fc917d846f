using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// Quartz, the scheduler of the modules' jobs. On SQLite (one Host) the store is in memory and
/// each module rebuilds its triggers from its data at start; on PostgreSQL it is the clustered
/// ADO.NET store in the same database, so that with several Host instances each firing runs on
/// exactly one of them. <c>Permits:Scheduler:Enabled=false</c> leaves the jobs to another instance.
/// </summary>
public static class SchedulerSetup
{
    public const string SchedulerName = "travel-permits";

    public static IServiceCollection AddPlatformScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SchedulerOptions>(SchedulerOptions.Section);
        // Quartz takes its store and whether to run as values, not services: they are read now.
        var settings = configuration.ReadSettings<SchedulerOptions>(SchedulerOptions.Section);
        var database = DatabaseOptions.From(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = settings.Name);
            // No clock of its own: the scheduler and its store read the application's TimeProvider,
            // the one the jobs decide with (a test that moves it sees triggers come due).
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                    store.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        if (settings.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
        return services;
    }
}
