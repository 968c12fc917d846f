using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Recovery;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// Resolves holds of quota places that are still held after <see cref="RecoveryOptions.StaleSeconds"/>:
/// their issuer died between holding and settling. The module that writes the permits decides
/// whether they were written (<see cref="IHoldOutcomes"/>); the enterprise's grain then settles the
/// hold or gives its places back.
/// </summary>
internal sealed partial class HoldSweep(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<RecoveryOptions> options, ILogger<HoldSweep> logger)
    : RecoverySweep(scopes, lifetime, options, logger)
{
    protected override Task SweepAsync(IServiceProvider services, TimeSpan staleAfter, CancellationToken ct) =>
        ResolveAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow() - staleAfter, logger, ct);

    /// <summary>Settles or releases every hold made before <paramref name="before"/> and still held.</summary>
    public static async Task ResolveAsync(IServiceProvider services, DateTimeOffset before, ILogger logger, CancellationToken ct)
    {
        var db = services.GetRequiredService<EnterprisesDbContext>();
        var outcomes = services.GetRequiredService<IHoldOutcomes>();
        var grains = services.GetRequiredService<IGrainFactory>();
        while (true)
        {
            var stale = await db.QuotaHolds.AsNoTracking().Where(h => h.State == HoldState.Held && h.CreatedAt <= before)
                .OrderBy(h => h.CreatedAt).Select(h => new { h.Id, h.EnterpriseId, h.Places }).Take(100).ToListAsync(ct);
            foreach (var hold in stale)
            {
                var issued = await outcomes.DecideAsync(hold.Id, ct);
                var enterprise = grains.GetGrain<IEnterpriseGrain>(hold.EnterpriseId);
                await (issued ? enterprise.SettleAsync(hold.Id) : enterprise.ReleaseHoldAsync(hold.Id));
                LogResolved(logger, hold.Id, hold.Places, hold.EnterpriseId, issued ? "settled" : "released");
            }
            if (stale.Count < 100)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold {HoldId} of {Places} places of enterprise {EnterpriseId} was left behind; {Outcome} it")]
    private static partial void LogResolved(ILogger logger, Guid holdId, int places, Guid enterpriseId, string outcome);
}
