using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Levels;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Registration;
using TravelPermits.SharedKernel.Grains;

namespace TravelPermits.Enterprises.Grains;

/// <summary>
/// An enterprise's changes, one call at a time in a healthy cluster. It keeps no state of its own:
/// each call reads the enterprise and writes it with guarded statements (see <see cref="IEnterpriseGrain"/>).
/// </summary>
internal sealed partial class EnterpriseGrain(IServiceScopeFactory scopes, ILogger<EnterpriseGrain> logger) : Grain, IEnterpriseGrain
{
    private Guid Id => this.GetPrimaryKey();

    /// <summary>Says where the enterprise's calls now run, for an operator who follows one enterprise through a failure.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LogActivated(logger, Id, GrainContext.Address.SiloAddress?.ToString() ?? "?");
        return Task.CompletedTask;
    }

    public Task ActivateAsync() =>
        scopes.WithAsync<EnterpriseRegistrar>(registrar => registrar.ActivateAsync(Id, CancellationToken.None));

    public Task RejectAsync(string reason) =>
        scopes.WithAsync<EnterpriseRegistrar>(registrar => registrar.RejectAsync(Id, reason, CancellationToken.None));

    public Task ChangeQuotaAsync(QuotaChange change) =>
        scopes.WithAsync<QuotaChanger>(changer => changer.ChangeAsync(Id, change, CancellationToken.None));

    public Task CheckQuotaChangeAsync(QuotaChange change) =>
        scopes.WithAsync<QuotaChanger>(changer => changer.CheckAsync(Id, change, CancellationToken.None));

    public Task<QuotaChangeOutcome> ApplyQuotaChangeAsync(Guid changeId, QuotaChange change) =>
        scopes.WithAsync<QuotaChanger, QuotaChangeOutcome>(changer => changer.ApplyOnceAsync(Id, changeId, change, CancellationToken.None));

    public Task<HoldResult> HoldAsync(Guid holdId, int places) =>
        scopes.WithAsync<QuotaPlaces, HoldResult>(quota => quota.HoldAsync(Id, holdId, places, CancellationToken.None));

    public Task SettleAsync(Guid holdId) =>
        scopes.WithAsync<QuotaPlaces>(quota => quota.SettleAsync(Id, holdId, CancellationToken.None));

    public Task ReleaseHoldAsync(Guid holdId) =>
        scopes.WithAsync<QuotaPlaces>(quota => quota.ReleaseAsync(Id, holdId, CancellationToken.None));

    public Task ReturnPlacesAsync(Guid returnId, int places) =>
        scopes.WithAsync<QuotaPlaces>(quota => quota.ReturnAsync(Id, returnId, places, CancellationToken.None));

    public Task<bool> FollowWardLevelAsync(Guid changeId, WardLevelRatio level) =>
        scopes.WithAsync<QuotaLevelFollower, bool>(follower => follower.FollowAsync(Id, changeId, level, CancellationToken.None));

    public Task<bool> NoticeLockdownAsync(Guid changeId, WardLockdownNotice notice) =>
        scopes.WithAsync<LockdownNotices, bool>(notices => notices.NoticeAsync(Id, changeId, notice, CancellationToken.None));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Enterprise {EnterpriseId} is active on silo {Silo}")]
    private static partial void LogActivated(ILogger logger, Guid enterpriseId, string silo);
}
