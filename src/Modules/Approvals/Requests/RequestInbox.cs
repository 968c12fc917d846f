using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>What a caller may read of enterprises' requests: the inbox, one request with its entries, its file.</summary>
internal sealed class RequestInbox(ApprovalsDbContext db)
{
    public async Task<CursorPage<RequestResponse>> ListAsync(CallerScope caller, ListRequestsRequest filter, CancellationToken ct) =>
        await db.Requests.AsNoTracking().InScope(caller).Where(r => r.Kind != RequestKind.Individual)
            .WithStatus(filter.Status, caller)
            .Filter(filter.WardCode, filter.EnterpriseId, filter.Kind)
            .PageAsync(filter.Limit, filter.Cursor, r => RequestResponse.From(r, null), ct);

    public async Task<RequestResponse> GetAsync(Guid id, CallerScope caller, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, caller, ct);
        return RequestResponse.From(request, await EntriesAsync(id, ct));
    }

    /// <summary>The file as the enterprise sent it.</summary>
    public async Task<RequestFile> FileAsync(Guid id, CallerScope caller, CancellationToken ct)
    {
        await db.FindInScopeAsync(id, individual: false, caller, ct);
        return await db.Files.AsNoTracking().FirstAsync(f => f.RequestId == id, ct);
    }

    public Task<List<Entry>> EntriesAsync(Guid requestId, CancellationToken ct) =>
        db.Entries.AsNoTracking().Where(e => e.RequestId == requestId).OrderBy(e => e.Row).ToListAsync(ct);
}
