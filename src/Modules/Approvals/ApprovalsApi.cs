using FastEndpoints;

namespace TravelPermits.Approvals;

/// <summary>The module's routes: all under <c>/api/v1</c>.</summary>
internal sealed class ApprovalsApi : Group
{
    public ApprovalsApi() => Configure("api/v1", _ => { });
}
