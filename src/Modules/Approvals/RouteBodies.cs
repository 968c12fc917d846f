using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace TravelPermits.Approvals;

/// <summary>
/// For endpoints that read their body themselves. FastEndpoints declares the media types an
/// endpoint accepts, and routing then answers any other with a bare 415 before authorization (and
/// FastEndpoints one without a content type); these endpoints answer it themselves instead, after
/// authorization and in the problem shape, as they did before.
/// </summary>
internal static class RouteBodies
{
    public static RouteHandlerBuilder WithoutAcceptedMediaTypes(this RouteHandlerBuilder route)
    {
        route.Add(endpoint =>
        {
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
            {
                if (endpoint.Metadata[i] is IAcceptsMetadata)
                {
                    endpoint.Metadata.RemoveAt(i);
                }
            }
        });
        return route;
    }
}
