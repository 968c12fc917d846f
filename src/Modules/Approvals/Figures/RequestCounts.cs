using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Figures;

namespace TravelPermits.Approvals.Figures;

/// <summary>Requests and individual applications by status within a scope, in one grouped query.</summary>
internal sealed class RequestCounts(ApprovalsDbContext db) : IRequestFigures
{
    public async Task<RequestFigures> CountAsync(FigureScope scope, CancellationToken cancellationToken)
    {
        var query = db.Requests.AsNoTracking();
        if (scope.CityCode is { } city)
        {
            query = query.Where(r => r.CityCode == city);
        }
        if (scope.WardCode is { } ward)
        {
            query = query.Where(r => r.WardCode == ward);
        }
        if (scope.EnterpriseId is { } id)
        {
            query = query.Where(r => r.EnterpriseId == id);
        }
        var rows = await query.GroupBy(r => new { Individual = r.Kind == RequestKind.Individual, r.Status })
            .Select(g => new { g.Key.Individual, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        IReadOnlyDictionary<RequestStatus, int> Of(bool individual) => Enum.GetValues<RequestStatus>().ToDictionary(
            s => s, s => rows.Where(r => r.Individual == individual && r.Status == s).Sum(r => r.Count));
        return new RequestFigures(Of(individual: false), Of(individual: true));
    }
}
