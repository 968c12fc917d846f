using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Permits.Browse;

/// <summary>An enterprise's permits, for those whose reach covers the enterprise: filtered, in id order, a page at a time.</summary>
internal sealed class PermitList(PermitsDbContext db, IEnterpriseDirectory enterprises)
{
    /// <param name="status">A status as the contract names it, in any case; null for every status.</param>
    /// <param name="words">Words of the holder's name (with or without diacritics, in any order) or the ID number.</param>
    public async Task<CursorPage<Permit>> PageAsync(
        Guid enterpriseId, CallerScope caller, string? status, string? words, int? limit, string? cursor, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(enterpriseId, ct);
        if (enterprise is null || !caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        var take = Paging.Limit(limit);
        var query = db.Permits.AsNoTracking().Where(p => p.EnterpriseId == enterpriseId);
        if (!string.IsNullOrEmpty(status))
        {
            var wanted = PermitStatuses.TryParse(status, out var parsed) ? parsed : throw ProblemException.Invalid("status", PermitTexts.UnknownStatus);
            query = query.Where(p => p.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(words))
        {
            // Every word, in any order: "thi lan" finds "Hoàng Thị Lan".
            foreach (var pattern in SearchWords.Patterns(words))
            {
                query = query.Where(p => EF.Functions.Like(p.SearchKey, pattern, "\\"));
            }
        }
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(p => p.Id.CompareTo(position) > 0);
        }
        // The page's ids first, then their rows: the ids alone come from the enterprise's index (EnterpriseId, Id)
        // without touching the table, where PostgreSQL would otherwise walk the primary key in id order, past
        // every other enterprise's permits (docs/benchmarks.md).
        var page = query.OrderBy(p => p.Id).Select(p => p.Id).Take(take + 1);
        var rows = await db.Permits.AsNoTracking().Where(p => page.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        return Paging.Page(rows, take, p => p.Id.ToString());
    }
}
