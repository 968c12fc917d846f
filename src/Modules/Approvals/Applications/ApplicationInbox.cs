using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Applications;

/// <summary>What a caller may read of individual applications: the inbox and one application.</summary>
internal sealed class ApplicationInbox(ApprovalsDbContext db)
{
    public async Task<CursorPage<ApplicationResponse>> ListAsync(CallerScope caller, ListApplicationsRequest filter, CancellationToken ct)
    {
        var page = await db.Requests.AsNoTracking().InScope(caller).Where(r => r.Kind == RequestKind.Individual)
            .WithStatus(filter.Status, caller)
            .Filter(filter.WardCode, null, null)
            .PageAsync(filter.Limit, filter.Cursor, r => r, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToDictionaryAsync(e => e.RequestId, ct);
        return new CursorPage<ApplicationResponse>(page.Items.Select(r => ApplicationResponse.From(r, entries[r.Id])).ToList(), page.NextCursor);
    }

    public async Task<ApplicationResponse> GetAsync(Guid id, CallerScope caller, CancellationToken ct) =>
        await ResponseAsync(await db.FindInScopeAsync(id, individual: true, caller, ct), ct);

    /// <summary>The application with its one person, as it now stands.</summary>
    public async Task<ApplicationResponse> ResponseAsync(Request request, CancellationToken ct) =>
        ApplicationResponse.From(request, await db.Entries.AsNoTracking().FirstAsync(e => e.RequestId == request.Id, ct));
}
