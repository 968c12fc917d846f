using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Recovery;
using TravelPermits.SharedKernel.Scheduling;
using TravelPermits.SharedKernel.Settings;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.SharedKernel;

/// <summary>
/// The shared kernel's surface: what every module relies on, wired once by the Host. Its own routes
/// (audit trail, outbox) are the endpoints of <see cref="PlatformApi"/>, found by <c>AddApiEndpoints</c>.
/// </summary>
public static class PlatformSetup
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        // Messages name fields as the JSON does ('fullName', not 'FullName').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<ActorAccessor>();
        services.AddPlatformPersistence(configuration);
        services.AddEmailOutbox();
        services.AddPlatformScheduler(configuration);
        services.AddSettings<RecoveryOptions>(RecoveryOptions.Section);
        services.AddProblemAnswers();
        services.AddValidatorsFromAssembly(typeof(PlatformSetup).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
