using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Recovery;

namespace TravelPermits.Approvals.Chain;

/// <summary>
/// Completes what approvals left for other modules and no process finished. Completing twice is
/// harmless (each is keyed by the request or the entry), so any follow-up a moment old is taken.
/// </summary>
internal sealed class FollowUpSweep(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<RecoveryOptions> options, ILogger<FollowUpSweep> logger)
    : RecoverySweep(scopes, lifetime, options, logger)
{
    protected override Task SweepAsync(IServiceProvider services, TimeSpan staleAfter, CancellationToken ct) =>
        services.GetRequiredService<ApprovalFollowUps>().SweepAsync(RepeatableCutoff(services, staleAfter), ct);
}
