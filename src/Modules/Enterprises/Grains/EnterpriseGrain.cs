using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Enterprises.Grains;

/// <summary>
/// An enterprise's changes, one call at a time in a healthy cluster. It keeps no state of its own:
/// each call reads the enterprise and writes it with guarded statements (see <see cref="IEnterpriseGrain"/>).
/// </summary>
internal sealed class EnterpriseGrain(IServiceScopeFactory scopes) : Grain, IEnterpriseGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task ActivateAsync() =>
        scopes.WithAsync<EnterpriseRegistrar>(registrar => registrar.ActivateAsync(Id, CancellationToken.None));

    public Task RejectAsync(string reason) =>
        scopes.WithAsync<EnterpriseRegistrar>(registrar => registrar.RejectAsync(Id, reason, CancellationToken.None));

    public Task ChangeQuotaAsync(QuotaChange change) =>
        scopes.WithAsync<QuotaChanger>(changer => changer.ChangeAsync(
            Id, new ChangeQuotaRequest(change.Workforce, change.RatioPercent, change.Quota, change.Reason), CancellationToken.None));
}
