using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Permits.Manage;
using TravelPermits.Permits.Periods;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Permits.Grains;

/// <summary>
/// A permit's transitions (see <see cref="IPermitGrain"/>); no state kept between calls. Placed on the
/// silo of its caller: it holds nothing, so the Host that was asked does the work without a hop.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
[Orleans.Placement.PreferLocalPlacement]
internal sealed class PermitGrain(IServiceScopeFactory scopes, PeriodMoves periodMoves) : Grain, IPermitGrain
{
    public Task StampAsync() =>
        scopes.WithAsync<PermitStamper>(stamper => stamper.TransitionAsync(this.GetPrimaryKey(), CancellationToken.None));

    public Task<bool> RevokeAsync(string reason) =>
        scopes.WithAsync<PermitRevoker, bool>(revoker => revoker.RevokeOneAsync(this.GetPrimaryKey(), reason, CancellationToken.None));

    public Task<bool> CarryAsync(Guid fromPeriodId, Guid toPeriodId) =>
        MoveAsync(new PeriodMove.Carry(fromPeriodId, toPeriodId));

    public Task<bool> ExpireAsync(Guid? periodId, DateTimeOffset endedBy) =>
        MoveAsync(new PeriodMove.Expiry(periodId, endedBy));

    /// <summary>A period's end touches each permit once: its activation goes as soon as the move is written.</summary>
    private async Task<bool> MoveAsync(PeriodMove move)
    {
        try
        {
            return await periodMoves.ApplyAsync(this.GetPrimaryKey(), move);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
