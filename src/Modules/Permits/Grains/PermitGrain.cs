using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Permits.Manage;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Permits.Grains;

/// <summary>A permit's own transitions (see <see cref="IPermitGrain"/>); no state kept between calls.</summary>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class PermitGrain(IServiceScopeFactory scopes) : Grain, IPermitGrain
{
    public Task StampAsync() =>
        scopes.WithAsync<PermitStamper>(stamper => stamper.TransitionAsync(this.GetPrimaryKey(), CancellationToken.None));

    public Task<bool> RevokeAsync(string reason) =>
        scopes.WithAsync<PermitRevoker, bool>(revoker => revoker.RevokeOneAsync(this.GetPrimaryKey(), reason, CancellationToken.None));
}
