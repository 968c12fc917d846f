using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Policies;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Enterprises.Grains;

/// <summary>A ward's policy: read and changed here only; each call reads the tables (see <see cref="IWardGrain"/>).</summary>
internal sealed class WardGrain(IServiceScopeFactory scopes) : Grain, IWardGrain
{
    private string Code => this.GetPrimaryKeyString();

    public Task<WardPolicyInfo> GetPolicyAsync() =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.ReadAsync(Code, CancellationToken.None));

    public Task<WardPolicyInfo> SetPolicyAsync(WardPolicyChange change) =>
        scopes.WithAsync<WardPolicyStore, WardPolicyInfo>(store => store.WriteAsync(Code, change, CancellationToken.None));
}
