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

/// <summary>The account of an enterprise, created without a password: its contact sets one with the token.</summary>
public sealed record EnterpriseAccountInvitation(string Email, string FullName, Guid EnterpriseId, string CityCode, string WardCode);

/// <summary>A created account and the token with which its owner sets the password (<c>POST /api/v1/auth/set-password</c>).</summary>
public sealed record InvitedAccount(Guid UserId, string Email, string PasswordToken);

public interface IEnterpriseAccounts
{
    /// <summary>
    /// Creates the enterprise's account, or returns null (and audits <c>user.invitation_failed</c>)
    /// when an account with this email exists already or Identity refuses it: the caller checks the
    /// email first with <see cref="IAccountAdministration.ExistsAsync"/>. The scope comes from the
    /// enterprise module itself and is trusted as given.
    /// </summary>
    Task<InvitedAccount?> InviteAsync(EnterpriseAccountInvitation invitation, CancellationToken cancellationToken);
}

/// <summary>
/// Sign-in of the web interface: the same account store, password checks and lockout as
/// <c>POST /api/v1/auth/login</c>, answered with the HttpOnly cookie instead of a token pair.
/// </summary>
public interface IWebSignIn
{
    /// <summary>Sets the cookie; throws the 401 <c>ProblemException</c> (<c>invalid_credentials</c>, <c>locked_out</c>) otherwise.</summary>
    Task SignInAsync(string email, string password, System.Net.IPAddress? from, CancellationToken cancellationToken);

    Task SignOutAsync();
}
