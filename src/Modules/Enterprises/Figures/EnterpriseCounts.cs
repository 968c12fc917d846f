using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Figures;

namespace TravelPermits.Enterprises.Figures;

/// <summary>Enterprises by status within a scope, and the quota and live permits of the active ones.</summary>
internal sealed class EnterpriseCounts(EnterprisesDbContext db) : IEnterpriseFigures
{
    public async Task<EnterpriseFigures> CountAsync(FigureScope scope, CancellationToken cancellationToken)
    {
        var query = db.Enterprises.AsNoTracking();
        if (scope.CityCode is { } city)
        {
            query = query.Where(e => e.CityCode == city);
        }
        if (scope.WardCode is { } ward)
        {
            query = query.Where(e => e.WardCode == ward);
        }
        if (scope.EnterpriseId is { } id)
        {
            query = query.Where(e => e.Id == id);
        }
        var rows = await query.GroupBy(e => e.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                Quota = g.Sum(e => e.Quota),
                Active = g.Sum(e => e.ActivePermits),
            })
            .ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<EnterpriseStatus>().ToDictionary(s => s, s => rows.FirstOrDefault(r => r.Status == s)?.Count ?? 0);
        var active = rows.FirstOrDefault(r => r.Status == EnterpriseStatus.Active);
        return new EnterpriseFigures(byStatus, active?.Quota ?? 0, active?.Active ?? 0);
    }
}
