using FastEndpoints;

namespace TravelPermits.SharedKernel;

/// <summary>The shared kernel's own routes (audit trail, outbox): all under <c>/api/v1</c>.</summary>
internal sealed class PlatformApi : Group
{
    public PlatformApi() => Configure("api/v1", _ => { });
}
