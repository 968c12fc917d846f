using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Recovery;

namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// Has the enterprises of each ward follow the decision on its level now in force when they have not
/// yet: a decision whose effective time has come, or one whose following a process left unfinished.
/// The ward's grain does it, and each enterprise follows a decision once, so Hosts sweeping at the
/// same time change nothing twice.
/// </summary>
internal sealed partial class LevelSweep(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<RecoveryOptions> options, ILogger<LevelSweep> logger)
    : RecoverySweep(scopes, lifetime, options, logger)
{
    protected override async Task SweepAsync(IServiceProvider services, TimeSpan staleAfter, CancellationToken ct)
    {
        await PublishDueAsync(services, logger, ct);
        await FollowDueAsync(services, logger, ct);
    }

    /// <summary>Every ward with a decision not yet handed to verification (a process died between recording and publishing it).</summary>
    public static async Task PublishDueAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var db = services.GetRequiredService<EnterprisesDbContext>();
        var grains = services.GetRequiredService<IGrainFactory>();
        var wards = await db.WardLevels.AsNoTracking().Where(l => l.PublishedAt == null).Select(l => l.WardCode).Distinct().ToListAsync(ct);
        foreach (var ward in wards)
        {
            await grains.GetGrain<IWardGrain>(ward).PublishLockdownsAsync();
            LogPublished(logger, ward);
        }
    }

    /// <summary>Every ward with a decision in force (by the Host's clock) that its enterprises have not followed.</summary>
    public static async Task FollowDueAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var db = services.GetRequiredService<EnterprisesDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var grains = services.GetRequiredService<IGrainFactory>();
        var wards = await db.WardLevels.AsNoTracking().Where(l => l.FollowedAt == null && l.EffectiveAt <= now)
            .Select(l => l.WardCode).Distinct().ToListAsync(ct);
        foreach (var ward in wards)
        {
            await grains.GetGrain<IWardGrain>(ward).FollowLevelAsync();
            LogFollowed(logger, ward);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The lockdowns of ward {WardCode} are handed to verification")]
    private static partial void LogPublished(ILogger logger, string wardCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "The enterprises of ward {WardCode} follow its level in force")]
    private static partial void LogFollowed(ILogger logger, string wardCode);
}
