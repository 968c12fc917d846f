using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Applications;

/// <summary>
/// The chain's decision on an application the caller may see (404 otherwise). Approval puts the
/// person on the individuals' approved list and yields the citizen's permit (<see cref="ChainService"/>).
/// </summary>
internal sealed class ApplicationDecisions(ApprovalsDbContext db, ChainService chain, ApplicationInbox inbox)
{
    public async Task<ApplicationResponse> ApproveAsync(Guid id, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: true, caller, ct);
        await chain.ApproveAsync(request, null, null, ct);
        return await inbox.ResponseAsync(request, ct);
    }

    public async Task<ApplicationResponse> RejectAsync(Guid id, string reason, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: true, caller, ct);
        await chain.RejectAsync(request, reason, ct);
        return await inbox.ResponseAsync(request, ct);
    }
}
