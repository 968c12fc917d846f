using System.Linq.Expressions;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// Hangfire, which runs the modules' jobs (ADR 15). On PostgreSQL its storage is the Host's own
/// database, in the <c>hangfire</c> schema, one storage for every Host of the database: a job is
/// fetched by one server (<c>FOR UPDATE SKIP LOCKED</c>). On SQLite (one Host) it is in memory: jobs
/// scheduled ahead are rebuilt from the database at start by the modules that schedule them, and
/// every sweep is a recurring job registered at start. <c>Permits:Scheduler:Enabled=false</c> keeps a
/// Host from running a server; it still enqueues and schedules.
/// </summary>
public static class SchedulerSetup
{
    public const string SchedulerName = "travel-permits";

    /// <summary>Hangfire's tables on PostgreSQL, apart from the modules' own.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>How often the server looks for scheduled jobs come due and recurring jobs to start.</summary>
    private static readonly TimeSpan SchedulePolling = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddPlatformScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SchedulerOptions>(SchedulerOptions.Section);
        services.AddSingleton<IValidateOptions<SchedulerOptions>>(sp => new DeclaredQueues(sp.GetServices<JobQueue>()));
        // Whether to run a server decides which services exist: read now.
        var settings = configuration.ReadSettings<SchedulerOptions>(SchedulerOptions.Section);
        var database = DatabaseOptions.From(configuration);

        // Each Host has its storage and activator as its own services, which Hangfire's registrations
        // below keep: its static JobStorage.Current would be shared by every Host of a process.
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<JobStorage>(sp => CreatePostgresStorage(sp.GetRequiredService<DatabaseOptions>().ConnectionString));
            services.AddSingleton<IJobLocks, AdvisoryJobLocks>();
        }
        else
        {
            services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
            services.AddSingleton<IJobLocks, InProcessJobLocks>();
        }
        services.AddSingleton(new SchedulerStorage(Durable: database.Provider == DatabaseProvider.Postgres));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<RecurringJobRegistration>();
        if (settings.Enabled)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var scheduler = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
                server.ServerName = $"{scheduler.Name}:{Environment.MachineName}:{Environment.ProcessId}";
                server.WorkerCount = scheduler.Workers;
                server.Queues = [.. scheduler.QueueNames ?? sp.GetServices<JobQueue>().Select(q => q.Name).Distinct()];
                server.SchedulePollingInterval = SchedulePolling;
            });
        }
        return services;
    }

    /// <summary>Declares a queue of this Host's jobs (a module's), taken by its server unless the settings name others.</summary>
    public static IServiceCollection AddJobQueue(this IServiceCollection services, string name)
    {
        services.AddSingleton(new JobQueue(name));
        return services;
    }

    /// <summary>
    /// A job that runs every <paramref name="everySeconds"/> (one of <see cref="CronInterval.Allowed"/>),
    /// registered in the job storage at start by every Host (the same id replaces itself).
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, string id, Expression<Func<TJob, Task>> call, Func<IServiceProvider, double> everySeconds)
    {
        services.AddSingleton(new RecurringJobDefinition(id, (jobs, sp) =>
        {
            var seconds = everySeconds(sp);
            var cron = CronInterval.For(seconds)
                ?? throw new InvalidOperationException($"The job {id} cannot run every {seconds} s: it needs {CronInterval.Allowed}.");
            jobs.AddOrUpdate(id, call, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }));
        return services;
    }

    /// <summary>Creates Hangfire's schema in PostgreSQL, or brings it up to date; at start, under the start-up lock.</summary>
    public static async Task PrepareJobStorageAsync(this IServiceProvider services, CancellationToken ct)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, PostgresSchema);
    }

    private static PostgreSqlStorage CreatePostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = false, // PrepareJobStorageAsync, under the start-up lock of the Hosts
            // A job enqueued on one Host wakes the servers of the others at once (LISTEN/NOTIFY).
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
            // A running job keeps its claim alive; a killed Host's job is fetched again within minutes.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            // Hangfire's own locks are held for milliseconds (its schedulers', a recurring job's) to
            // seconds (its clean-up): one that a killed Host left is taken over after this.
            DistributedLockTimeout = TimeSpan.FromSeconds(20),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}

/// <summary>What the modules need to know of the job storage: whether jobs scheduled ahead survive a restart.</summary>
public sealed record SchedulerStorage(bool Durable);
