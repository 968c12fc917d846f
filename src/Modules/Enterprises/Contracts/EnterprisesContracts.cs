namespace TravelPermits.Enterprises.Contracts;

public sealed record EnterpriseInfo(
    Guid Id, string Name, string TaxCode, string CityCode, string WardCode, EnterpriseStatus Status, string ContactEmail,
    int Quota, int ActivePermits)
{
    public int Remaining => Math.Max(0, Quota - ActivePermits);
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

/// <summary>The approval chain a ward has chosen for requests and individual applications.</summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.Enterprises.WardChain")]
public sealed record WardChain(string WardCode, bool PoliceVerify, bool PoliceStamp);

/// <summary>The enterprises counted for <c>GET /api/v1/stats</c>, and the places of the active ones.</summary>
public sealed record EnterpriseFigures(IReadOnlyDictionary<EnterpriseStatus, int> ByStatus, int Quota, int ActivePermits);

public interface IEnterpriseFigures
{
    Task<EnterpriseFigures> CountAsync(SharedKernel.Figures.FigureScope scope, CancellationToken cancellationToken);
}
