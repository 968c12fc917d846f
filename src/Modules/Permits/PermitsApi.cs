using FastEndpoints;

namespace TravelPermits.Permits;

/// <summary>The module's routes under <c>/api/v1</c>.</summary>
internal sealed class PermitsApi : Group
{
    public PermitsApi() => Configure("api/v1", _ => { });
}
