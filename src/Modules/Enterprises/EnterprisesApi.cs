using FastEndpoints;

namespace TravelPermits.Enterprises;

/// <summary>The module's routes: all under <c>/api/v1</c>.</summary>
internal sealed class EnterprisesApi : Group
{
    public EnterprisesApi() => Configure("api/v1", _ => { });
}
