using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.ApprovedPeople;

internal sealed record ApprovedPersonResponse(
    Guid EntryId, string FullName, string IdNumber, DateOnly DateOfBirth, string Gender, string? Phone, string? Position,
    DateTimeOffset ApprovedAt);

/// <summary>
/// An enterprise's current approved list, in entry order, a page at a time; searched by words of
/// the name (diacritics, case and order ignored) or the ID number; with <c>withoutPermit</c> only the
/// people who hold no live permit (anywhere), whom the enterprise may issue permits to.
/// </summary>
internal sealed class ApprovedPeopleList(ApprovalsDbContext db, IEnterpriseDirectory enterprises, IPermitHolderLookup holders)
{
    /// <summary>Rows read at a time while a page is filled: people with a permit or another name are skipped in memory.</summary>
    private const int Batch = 500;

    private static readonly LocalizedText EnterpriseNoun = new("doanh nghiệp", "enterprise");

    public async Task<CursorPage<ApprovedPersonResponse>> PageAsync(
        Guid enterpriseId, CallerScope caller, string? q, bool withoutPermit, int? limit, string? cursor, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(enterpriseId, ct);
        if (enterprise is null || !caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(EnterpriseNoun);
        }
        var take = Paging.Limit(limit);
        var words = string.IsNullOrWhiteSpace(q) ? [] : Words(q);
        var after = Paging.DecodeGuid(cursor);
        var found = new List<ApprovedPersonResponse>(take + 1);
        while (found.Count <= take)
        {
            var query = db.Approved.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId && a.Active);
            if (after is { } position)
            {
                query = query.Where(a => a.EntryId.CompareTo(position) > 0);
            }
            var rows = await query.OrderBy(a => a.EntryId)
                .Select(a => new ApprovedPersonResponse(a.EntryId, a.FullName, a.IdNumber, a.DateOfBirth, a.Gender, a.Phone, a.Position, a.ApprovedAt))
                .Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }
            after = rows[^1].EntryId;
            var matching = rows.Where(r => Matches(r, words)).ToList();
            if (withoutPermit && matching.Count > 0)
            {
                var holding = await holders.LiveHoldersAsync(matching.Select(r => r.IdNumber).ToList(), ct);
                matching.RemoveAll(r => holding.Contains(r.IdNumber));
            }
            found.AddRange(matching);
            if (rows.Count < Batch)
            {
                break;
            }
        }
        return Paging.Page(found.Take(take + 1).ToList(), take, r => r.EntryId.ToString());
    }

    private static string[] Words(string q)
    {
        _ = SearchWords.Patterns(q); // at most SearchWords.Max words, as every search of the API
        return VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Matches(ApprovedPersonResponse person, string[] words)
    {
        if (words.Length == 0)
        {
            return true;
        }
        var key = $"{VietnameseText.Fold(person.FullName)} {person.IdNumber}";
        return words.All(w => key.Contains(w, StringComparison.Ordinal));
    }
}
