using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.Enterprises.Policies;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Enterprises.Grains;

/// <summary>A ward's policy and epidemic level: changed here only; each call reads the tables (see <see cref="IWardGrain"/>).</summary>
internal sealed class WardGrain(IServiceScopeFactory scopes) : Grain, IWardGrain
{
    private string Code => this.GetPrimaryKeyString();

    public Task<WardPolicyInfo> GetPolicyAsync() =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.ReadAsync(Code, CancellationToken.None));

    public Task<WardPolicyInfo> SetPolicyAsync(WardPolicyChange change) =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.WriteAsync(Code, change, CancellationToken.None));

    public async Task<WardLevelInfo> SetLevelAsync(WardLevelDecision decision)
    {
        var recorded = await scopes.WithAsync<WardLevelStore, WardLevelInfo>(store => store.WriteAsync(Code, decision, CancellationToken.None));
        if (recorded.EffectiveAt <= recorded.SetAt)
        {
            await FollowLevelAsync();
        }
        return recorded;
    }

    public Task FollowLevelAsync() =>
        scopes.WithAsync<WardLevelStore>(store => store.FollowAsync(Code, CancellationToken.None));
}
