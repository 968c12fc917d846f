using FastEndpoints;

namespace TravelPermits.Geography;

/// <summary>The module's routes: all under <c>/api/v1</c>.</summary>
internal sealed class GeographyApi : Group
{
    public GeographyApi() => Configure("api/v1", _ => { });
}
