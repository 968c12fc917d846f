using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.Enterprises.Policies;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Enterprises.Grains;

/// <summary>A ward's policy and epidemic level: changed here only; each call reads the tables (see <see cref="IWardGrain"/>).</summary>
internal sealed partial class WardGrain(IServiceScopeFactory scopes, ILogger<WardGrain> logger) : Grain, IWardGrain
{
    private string Code => this.GetPrimaryKeyString();

    public Task<WardPolicyInfo> GetPolicyAsync() =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.ReadAsync(Code, CancellationToken.None));

    public Task<WardPolicyInfo> SetPolicyAsync(WardPolicyChange change) =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.WriteAsync(Code, change, CancellationToken.None));

    public async Task<WardLevelInfo> SetLevelAsync(WardLevelDecision decision)
    {
        var recorded = await scopes.WithAsync<WardLevelStore, WardLevelInfo>(store => store.WriteAsync(Code, decision, CancellationToken.None));
        try
        {
            // Before the quotas follow: the permits' verification is what a lockdown is for.
            await PublishLockdownsAsync();
        }
        catch (Exception e)
        {
            // The decision stands; the level sweep hands it to verification.
            LogNotPublished(logger, e, Code);
        }
        if (recorded.EffectiveAt <= recorded.SetAt)
        {
            await FollowLevelAsync();
        }
        return recorded;
    }

    public Task FollowLevelAsync() =>
        scopes.WithAsync<WardLevelStore>(store => store.FollowAsync(Code, CancellationToken.None));

    public Task PublishLockdownsAsync() =>
        scopes.WithAsync<WardLevelStore>(store => store.PublishAsync(Code, CancellationToken.None));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lockdowns of ward {WardCode} were not handed to verification; the level sweep tries again")]
    private static partial void LogNotPublished(ILogger logger, Exception exception, string wardCode);
}
