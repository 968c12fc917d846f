using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// The ward level's routes: the ward must be in the catalogue and in the caller's scope (404
/// otherwise, as for its policy); its grain records a decision, the history is read here.
/// </summary>
internal sealed class WardLevelService(IGeographyDirectory geography, IGrainFactory grains, EnterprisesDbContext db, WardLevelReader levels)
{
    public async Task<WardLevelResponse> SetAsync(string code, SetWardLevelRequest request, CallerScope caller, CancellationToken ct)
    {
        var ward = await FindInScopeAsync(code, caller, ct);
        var decision = new WardLevelDecision(request.Level!.Value, request.Lockdown!.Value, request.Reason!, request.EffectiveAt);
        var recorded = await grains.GetGrain<IWardGrain>(ward.Code).SetLevelAsync(decision);
        var inForce = await levels.DecisionInForceAsync(ward.Code, ct);
        return new WardLevelResponse(ward.Code, recorded.Level, recorded.Lockdown, recorded.Reason, recorded.EffectiveAt, recorded.Id,
            recorded.SetAt, recorded.SetBy, inForce?.Id == recorded.Id);
    }

    public async Task<WardLevelHistoryResponse> HistoryAsync(string code, CallerScope caller, int? limit, string? cursor, CancellationToken ct)
    {
        var ward = await FindInScopeAsync(code, caller, ct);
        var take = Paging.Limit(limit);
        var inForce = await levels.DecisionInForceAsync(ward.Code, ct);
        var query = db.WardLevels.AsNoTracking().Where(l => l.WardCode == ward.Code);
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(l => l.Id.CompareTo(position) < 0);
        }
        // Ids are version 7: their order is the order decisions were recorded in.
        var rows = await query.OrderByDescending(l => l.Id).Take(take + 1).ToListAsync(ct);
        var page = Paging.Page(
            rows.Select(l => new WardLevelResponse(ward.Code, l.Level, l.Lockdown, l.Reason, l.EffectiveAt, l.Id, l.SetAt, l.SetBy, l.Id == inForce?.Id))
                .ToList(),
            take, l => l.Id.ToString());
        return new WardLevelHistoryResponse(ward.Code, ward.Name, ward.CityCode, inForce?.Level ?? WardLevelReader.DefaultLevel,
            inForce?.Lockdown ?? false, inForce?.Reason, inForce?.EffectiveAt, page.Items, page.NextCursor);
    }

    private async Task<WardInfo> FindInScopeAsync(string code, CallerScope caller, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct);
        return ward is not null && caller.Covers(ward.CityCode, ward.Code) ? ward : throw ProblemException.NotFound(EnterpriseTexts.Ward);
    }
}
