using FastEndpoints;

namespace TravelPermits.Accounts;

/// <summary>The module's routes: all under <c>/api/v1</c>.</summary>
internal sealed class AccountsApi : Group
{
    public AccountsApi() => Configure("api/v1", _ => { });
}
