using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Policies;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// A ward's decisions on its epidemic level, written for <see cref="Grains.WardGrain"/> only, and the
/// following of the decision in force by the ward's enterprises (docs/adr/0018-ward-levels.md).
/// </summary>
internal sealed partial class WardLevelStore(
    EnterprisesDbContext db, IGeographyDirectory geography, CityPolicyService cities,
    IGrainFactory grains, IWardLockdowns lockdowns, TimeProvider time, ActorAccessor actor, ILogger<WardLevelStore> logger)
{
    /// <summary>How far in the past an effective time may be (a clock a little behind); it is then taken as now.</summary>
    private const int ParallelFollowers = 8;

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private static readonly LocalizedText EffectivePast = new(
        "Thời điểm có hiệu lực không được ở quá khứ.", "The effective time cannot be in the past.");

    /// <summary>Records the decision with its audit line (404 for a ward the catalogue does not hold).</summary>
    public async Task<WardLevelInfo> WriteAsync(string wardCode, WardLevelDecision decision, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(wardCode, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.Ward);
        var now = time.GetUtcNow();
        if (decision.EffectiveAt < now - Tolerance)
        {
            throw ProblemException.Invalid("effectiveAt", EffectivePast);
        }
        var effectiveAt = decision.EffectiveAt is { } at && at > now ? at : now;
        var who = actor.Current;
        var change = new WardLevelChange
        {
            WardCode = ward.Code, CityCode = ward.CityCode, Level = decision.Level, Lockdown = decision.Lockdown,
            Reason = VietnameseText.Normalize(decision.Reason), EffectiveAt = effectiveAt, SetAt = now, SetBy = who.Name,
        };
        db.WardLevels.Add(change);
        db.Audit(who, "ward.level_set", "ward", ward.Code, now,
            new { change.Id, change.Level, change.Lockdown, change.Reason, change.EffectiveAt }, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return Info(change);
    }

    /// <summary>
    /// Has every enterprise of the ward that follows the level take the city's ratio for the decision
    /// in force, each through its grain, then marks that decision and any earlier one still waiting as
    /// followed. Each enterprise takes a decision once (an id derived from both), so asking again,
    /// or on another Host, changes nothing more.
    /// </summary>
    public async Task FollowAsync(string wardCode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Every decision in effect, read once: those waiting, the one in force, the last one followed.
        var effective = await db.WardLevels.AsNoTracking().Where(l => l.WardCode == wardCode && l.EffectiveAt <= now).ToListAsync(ct);
        var waiting = effective.Where(l => l.FollowedAt == null).Select(l => l.Id).ToList();
        if (waiting.Count == 0)
        {
            return;
        }
        var inForce = WardLevelReader.Latest(effective);
        var outcomes = new List<bool?>();
        var noticed = 0;
        if (inForce is { FollowedAt: null })
        {
            var ward = await geography.FindWardAsync(wardCode, ct);
            var wardName = ward?.Name ?? wardCode;
            if (await cities.RatiosByLevelAsync(inForce.CityCode, ct) is { } ratios)
            {
                var level = new WardLevelRatio(inForce.Id, wardCode, wardName, inForce.Level, ratios[inForce.Level - 1], inForce.Reason);
                var followers = await db.Enterprises.AsNoTracking()
                    .Where(e => e.WardCode == wardCode && e.Status != EnterpriseStatus.Rejected && e.QuotaOverride == null && !e.RatioIsExplicit)
                    .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
                outcomes.AddRange(await EachAsync(followers, wardCode,
                    enterprise => grains.GetGrain<IEnterpriseGrain>(enterprise).FollowWardLevelAsync(ChangeId(inForce.Id, enterprise, 0), level), ct));
            }
            if (LockdownChange(inForce, WardLevelReader.Latest(effective.Where(l => l.FollowedAt != null)), wardName) is { } notice)
            {
                var told = await db.Enterprises.AsNoTracking()
                    .Where(e => e.WardCode == wardCode && e.Status == EnterpriseStatus.Active)
                    .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
                var answers = await EachAsync(told, wardCode,
                    enterprise => grains.GetGrain<IEnterpriseGrain>(enterprise).NoticeLockdownAsync(ChangeId(inForce.Id, enterprise, 1), notice), ct);
                noticed = answers.Count(a => a == true);
                outcomes.AddRange(answers.Where(a => a is null));
            }
        }
        var followed = outcomes.Count(o => o == true);
        var failed = outcomes.Count(o => o is null);
        if (failed > 0)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.WardLevels.Where(l => waiting.Contains(l.Id) && l.FollowedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FollowedAt, now), ct);
        if (marked > 0 && inForce is not null)
        {
            db.Audit(actor.Current, "ward.level_followed", "ward", wardCode, now,
                new { decision = inForce.Id, inForce.Level, inForce.Lockdown, enterprisesChanged = followed, enterprisesNoticed = noticed },
                inForce.CityCode, wardCode);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Whether the decision in force locks the ward down or lifts its lockdown, against the last
    /// decision the ward's enterprises followed (none: not locked down).
    /// </summary>
    private static WardLockdownNotice? LockdownChange(WardLevelChange inForce, WardLevelChange? lastFollowed, string wardName) =>
        inForce.Lockdown == (lastFollowed?.Lockdown ?? false)
            ? null
            : new WardLockdownNotice(inForce.Id, inForce.WardCode, wardName, inForce.Lockdown, inForce.Reason, inForce.EffectiveAt);

    /// <summary>
    /// Hands the ward's lockdown windows, computed from every decision recorded, to verification, then
    /// marks the decisions read as published. Publishing the same windows again changes nothing.
    /// </summary>
    public async Task PublishAsync(string wardCode, CancellationToken ct)
    {
        var decisions = await db.WardLevels.AsNoTracking().Where(l => l.WardCode == wardCode).ToListAsync(ct);
        var unpublished = decisions.Where(d => d.PublishedAt == null).Select(d => d.Id).ToList();
        if (unpublished.Count == 0)
        {
            return;
        }
        var ward = await geography.FindWardAsync(wardCode, ct);
        await lockdowns.PublishAsync(wardCode, ward?.Name ?? wardCode, WardLevelReader.LockdownWindows(decisions), ct);
        var now = time.GetUtcNow();
        await db.WardLevels.Where(l => unpublished.Contains(l.Id) && l.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PublishedAt, now), ct);
    }

    /// <summary>One grain call per enterprise, a few at a time (each its own transaction; a ward may hold hundreds); null where a call failed.</summary>
    private async Task<bool?[]> EachAsync(List<Guid> enterprises, string wardCode, Func<Guid, Task<bool>> call, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(ParallelFollowers);
        return await Task.WhenAll(enterprises.Select(async enterprise =>
        {
            await slots.WaitAsync(ct);
            try
            {
                return (bool?)await call(enterprise);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The decision stands; this enterprise follows it at the next sweep, the others now.
                LogNotFollowed(logger, e, enterprise, wardCode);
                return null;
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    public static WardLevelInfo Info(WardLevelChange l) =>
        new(l.Id, l.WardCode, l.Level, l.Lockdown, l.Reason, l.EffectiveAt, l.SetAt, l.SetBy, l.FollowedAt);

    /// <summary>
    /// The id under which one enterprise follows one decision (<paramref name="part"/> 0: its quota, 1:
    /// the lockdown notice): the same on every Host and every try.
    /// </summary>
    private static Guid ChangeId(Guid decision, Guid enterprise, byte part)
    {
        Span<byte> both = stackalloc byte[33];
        decision.TryWriteBytes(both[..16]);
        enterprise.TryWriteBytes(both[16..32]);
        both[32] = part;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(part == 0 ? both[..32] : both, hash); // a quota follows under the id it had before notices came
        return new Guid(hash[..16]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enterprise {EnterpriseId} did not follow the level of ward {WardCode}; the sweep tries again")]
    private static partial void LogNotFollowed(ILogger logger, Exception exception, Guid enterpriseId, string wardCode);
}
