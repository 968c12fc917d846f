using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;

namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// What is in force: a ward's level at an instant is the decision with the latest effective time up
/// to it (the later recorded first among equal times). Computed at each read from the history, so
/// a decision takes effect at its time on every Host with no job to run.
/// </summary>
internal sealed class WardLevelReader(EnterprisesDbContext db, TimeProvider time) : IWardConditions
{
    /// <summary>The level of a ward no one has assessed: low (green), no lockdown.</summary>
    public const int DefaultLevel = 1;

    public async Task<WardLevelChange?> DecisionInForceAsync(string wardCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decisions = await db.WardLevels.AsNoTracking().Where(l => l.WardCode == wardCode && l.EffectiveAt <= now).ToListAsync(ct);
        return Latest(decisions);
    }

    public async Task<IReadOnlyDictionary<string, WardCondition>> InForceAsync(string? cityCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decisions = db.WardLevels.AsNoTracking().Where(l => l.EffectiveAt <= now);
        if (!string.IsNullOrEmpty(cityCode))
        {
            decisions = decisions.Where(l => l.CityCode == cityCode);
        }
        return (await decisions.ToListAsync(cancellationToken))
            .GroupBy(l => l.WardCode)
            .Select(g => Latest(g)!)
            .ToDictionary(l => l.WardCode, l => new WardCondition(l.Level, l.Lockdown));
    }

    /// <summary>
    /// The times a ward is locked down, from its whole history: each lockdown decision that comes into
    /// force (the later recorded among those of the same instant) until the next one that does.
    /// </summary>
    public static IReadOnlyList<LockdownWindow> LockdownWindows(IEnumerable<WardLevelChange> decisions)
    {
        var inTurn = decisions.GroupBy(d => d.EffectiveAt).OrderBy(g => g.Key).Select(g => Latest(g)!).ToList();
        var windows = new List<LockdownWindow>();
        for (var i = 0; i < inTurn.Count; i++)
        {
            if (inTurn[i].Lockdown)
            {
                windows.Add(new LockdownWindow(inTurn[i].Id, inTurn[i].Reason, inTurn[i].EffectiveAt, i + 1 < inTurn.Count ? inTurn[i + 1].EffectiveAt : null));
            }
        }
        return windows;
    }

    /// <summary>The decision in force among those already effective.</summary>
    public static WardLevelChange? Latest(IEnumerable<WardLevelChange> effective) =>
        effective.OrderByDescending(l => l.EffectiveAt).ThenByDescending(l => l.SetAt).ThenByDescending(l => l.Id).FirstOrDefault();
}
