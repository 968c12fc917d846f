namespace TravelPermits.Accounts.Bootstrap;

/// <summary>
/// <c>Permits:Bootstrap</c>: the first admin's email and password, read only while no user exists;
/// without them <see cref="BootstrapAdmin"/> uses its default email and a generated password.
/// </summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Permits:Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
