using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Browse;

/// <summary>Reads enterprises within the caller's scope: one by id, or a page of a filtered list.</summary>
internal sealed class EnterpriseBrowser(EnterprisesDbContext db)
{
    public async Task<EnterpriseResponse> GetAsync(Guid id, CallerScope caller, CancellationToken ct) =>
        EnterpriseResponse.From(await db.FindInScopeAsync(id, caller, ct));

    /// <summary>
    /// <paramref name="status"/> is the contract's name (<c>active</c>); a name no status has finds
    /// nothing. <paramref name="q"/>: every word of it in the folded name or the tax code.
    /// </summary>
    public async Task<CursorPage<EnterpriseResponse>> ListAsync(
        CallerScope caller, string? wardCode, string? status, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Enterprises.AsNoTracking().InScope(caller);
        if (!string.IsNullOrEmpty(wardCode))
        {
            query = query.Where(e => e.WardCode == wardCode);
        }
        if (!string.IsNullOrEmpty(status))
        {
            var wanted = EnterpriseStatusNames.Find(status);
            query = wanted is { } known ? query.Where(e => e.Status == known) : query.Where(_ => false);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Every word, in any order: "cong ty thep" finds "Công ty Cổ phần Thép Đà Nẵng".
            foreach (var pattern in SearchWords.Patterns(q))
            {
                query = query.Where(e => EF.Functions.Like(e.SearchKey, pattern, "\\"));
            }
        }
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(e => e.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        return Paging.Page(rows.Select(EnterpriseResponse.From).ToList(), take, e => e.Id.ToString());
    }
}
