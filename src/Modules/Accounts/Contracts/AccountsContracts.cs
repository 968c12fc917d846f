namespace TravelPermits.Accounts.Contracts;

/// <summary>Where an enterprise is, so that its users' tokens carry its ward and city.</summary>
public sealed record EnterpriseScope(Guid EnterpriseId, string CityCode, string WardCode);

/// <summary>
/// Implemented by the module that owns enterprises; lets this module check an enterprise
/// account's scope without depending on that module.
/// </summary>
public interface IEnterpriseScopeLookup
{
    Task<EnterpriseScope?> FindAsync(Guid enterpriseId, CancellationToken cancellationToken);
}

/// <summary>An account another module (or the demo) asks for.</summary>
public sealed record NewAccount(
    string Email, string Password, string FullName, string Role, string? CityCode = null, string? WardCode = null, Guid? EnterpriseId = null);

public interface IAccountAdministration
{
    /// <summary>Creates the account with the same checks as <c>POST /api/v1/users</c>; returns its id.</summary>
    Task<Guid> CreateAsync(NewAccount account, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string email, CancellationToken cancellationToken);
}
