using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Browse;
using TravelPermits.Permits.Issue;
using TravelPermits.Permits.Manage;
using TravelPermits.Permits.Periods;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Places;
using TravelPermits.Permits.Qr;
using TravelPermits.Permits.Suspensions;
using TravelPermits.Permits.Tokens;
using TravelPermits.Permits.Verify;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Scheduling;
using TravelPermits.SharedKernel.Validation;

using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.Permits;

/// <summary>Permits, QR tokens and keys, verification, printing, periods.</summary>
public static class PermitsModule
{
    /// <summary>The rate-limiting policy the Host must define for anonymous verification.</summary>
    public const string AnonymousVerifyPolicy = VerifyEndpoint.AnonymousVerify;

    /// <summary>The concurrency-limiting policy the Host must define for printing.</summary>
    public const string PrintPolicy = Print.PrintEndpoint.PrintConcurrency;

    public static IServiceCollection AddPermitsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PermitsDbContext>("__prm_migrations");
        services.AddSingleton<KeyRing>();
        services.AddScoped<KeyRotation>();
        services.AddHostedService<KeyRingRefresher>();
        services.AddSettings<IssueOptions>(IssueOptions.Section, o => o.Problem());
        services.AddSettings<QrOptions>(QrOptions.Section, o => o.Problem());
        services.AddSingleton<QrLinks>();
        services.AddScoped<PermitIssuer>();
        services.AddScoped<HeldIssue>();
        services.AddScoped<HoldOutcomes>();
        services.AddScoped<IHoldOutcomes>(sp => sp.GetRequiredService<HoldOutcomes>());
        services.AddScoped<IWardLockdowns, WardLockdowns>();
        services.AddScoped<PlaceReturns>();
        services.AddHostedService<PlaceReturnSweep>();
        services.AddScoped<PermitList>();
        services.AddScoped<Figures.StatsScopes>();
        services.AddScoped<Figures.PermitCounts>();
        services.AddScoped<PermitStamper>();
        services.AddScoped<Print.PermitPrinter>();
        services.AddSettings<VerifyOptions>(VerifyOptions.Section, o => o.Problem());
        services.AddSingleton<Verifier>(); // all its parts are: nothing to build per scan
        services.AddSingleton<VerificationJson>();
        services.AddSingleton<VerifiedTokens>();
        services.AddSingleton<PermitReads>();
        services.AddScoped<PermitRevoker>();
        services.AddScoped<IPermitHolderLookup, PermitHolders>();
        services.AddScoped<IIndividualPermits, IndividualPermits>();
        services.AddSettings<PeriodEndOptions>(PeriodEndOptions.Section, o => o.Problem());
        services.AddScoped<PeriodEnds>();
        services.AddSingleton<PeriodMoves>();
        services.AddScoped<PeriodMoveWriter>();
        services.AddScoped<PeriodCreator>();
        services.AddScoped<PeriodRollovers>();
        services.AddSingleton<PeriodSchedule>();
        services.AddJobQueue(PeriodEndJob.QueueName);
        services.AddRecurringJob<PeriodEndJob>(PeriodEndJob.SweepId, job => job.SweepAsync(CancellationToken.None), SweepSeconds);
        services.AddRecurringJob<PeriodEndJob>(PeriodEndJob.UndatedExpiryId, job => job.ExpireUndatedAsync(CancellationToken.None), SweepSeconds);
        services.AddHostedService<PeriodScheduleRebuild>();
        services.AddValidatorsFromAssembly(typeof(PermitsModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    private static double SweepSeconds(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PeriodEndOptions>>().Value.SweepSeconds;

    /// <summary>Loads the signing keys (creating the first on a new database); call after migrations.</summary>
    public static Task InitializePermitsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        Print.PrintSetup.Once(services.GetRequiredService<IConfiguration>()["Permits:Print:FontDirectory"]);
        return services.GetRequiredService<KeyRing>().InitializeAsync(cancellationToken);
    }
}
