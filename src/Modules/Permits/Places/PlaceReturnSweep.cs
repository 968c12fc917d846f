using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Recovery;

namespace TravelPermits.Permits.Places;

/// <summary>
/// Delivers the places given back by permits revoked or expired that no process delivered.
/// Delivering twice is harmless (the grain applies a return once by its id), so any return a
/// moment old is taken: a few seconds, not <see cref="RecoveryOptions.StaleSeconds"/>.
/// </summary>
internal sealed class PlaceReturnSweep(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<RecoveryOptions> options, ILogger<PlaceReturnSweep> logger)
    : RecoverySweep(scopes, lifetime, options, logger)
{
    protected override Task SweepAsync(IServiceProvider services, TimeSpan staleAfter, CancellationToken ct) =>
        services.GetRequiredService<PlaceReturns>().SweepAsync(RepeatableCutoff(services, staleAfter), ct);
}
