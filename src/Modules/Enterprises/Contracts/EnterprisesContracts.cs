using System.Data.Common;

namespace TravelPermits.Enterprises.Contracts;

public sealed record EnterpriseInfo(
    Guid Id, string Name, string TaxCode, string CityCode, string WardCode, EnterpriseStatus Status, string ContactEmail,
    int Quota, int ActivePermits)
{
    public int Remaining => Quota - ActivePermits;
}

public interface IEnterpriseDirectory
{
    Task<EnterpriseInfo?> FindAsync(Guid enterpriseId, CancellationToken cancellationToken);

    Task<EnterpriseInfo?> FindByTaxCodeAsync(string taxCode, CancellationToken cancellationToken);
}

/// <summary>An enterprise registered by the system itself (the demo, imports): active at once.</summary>
public sealed record NewEnterprise(
    string Name, string TaxCode, string WardCode, string Address, string ContactEmail, string ContactPhone, int Workforce);

public interface IEnterpriseRegistration
{
    /// <summary>Registers with the same checks as <c>POST /api/v1/enterprises</c>; returns the id.</summary>
    Task<Guid> RegisterAsync(NewEnterprise enterprise, CancellationToken cancellationToken);
}

/// <summary>
/// The quota as a ledger of places. Taking is one conditional update: it takes all
/// <c>places</c> or none, and two callers (on any number of processes) cannot both take the
/// last place. Pass the caller's open transaction to take the places in the same atomic step
/// as the caller's own change; the places come back if that transaction rolls back.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>True when the places were taken; false when fewer remain (or the enterprise is not active).</summary>
    Task<bool> TryTakeAsync(Guid enterpriseId, int places, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Gives places back (revocation, expiry); never below zero.</summary>
    Task ReleaseAsync(Guid enterpriseId, int places, DbTransaction? transaction, CancellationToken cancellationToken);
}

/// <summary>The approval chain a ward has chosen for requests and individual applications.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardChain")]
public sealed record WardChain(string WardCode, bool PoliceVerify, bool PoliceStamp);

/// <summary>Another module's decision that changes an enterprise's quota (an approval that raises it).</summary>
public interface IQuotaAdjustment
{
    /// <summary>
    /// Applies the change with the same rules as <c>PUT /api/v1/enterprises/{id}/quota</c>
    /// (audited and emailed; 409 <c>quota_below_active</c> when it would go under the live permits),
    /// inside the caller's open transaction, so that it is undone if the caller's change fails.
    /// </summary>
    Task<EnterpriseInfo> ChangeAsync(Guid enterpriseId, int? ratioPercent, int? quota, string reason, DbTransaction transaction, CancellationToken cancellationToken);
}
