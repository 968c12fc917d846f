using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>The chain's steps on a request the caller may see (404 otherwise), answered with the request as it now stands.</summary>
internal sealed class RequestDecisions(ApprovalsDbContext db, ChainService chain, RequestInbox inbox)
{
    public async Task<RequestResponse> VerifyAsync(Guid id, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, caller, ct);
        await chain.VerifyAsync(request, ct);
        return RequestResponse.From(request, null);
    }

    /// <summary>Approves <paramref name="entryIds"/>, or every entry when null, raising the quota in the same step when asked.</summary>
    public async Task<RequestResponse> ApproveAsync(Guid id, IReadOnlyList<Guid>? entryIds, QuotaRaise? quota, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, caller, ct);
        await chain.ApproveAsync(request, entryIds, quota, ct);
        return RequestResponse.From(request, await inbox.EntriesAsync(id, ct));
    }

    public async Task<RequestResponse> RejectAsync(Guid id, string reason, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, caller, ct);
        await chain.RejectAsync(request, reason, ct);
        return RequestResponse.From(request, null);
    }
}
