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
    EnterprisesDbContext db, IGeographyDirectory geography, WardLevelReader levels, CityPolicyService cities,
    IGrainFactory grains, TimeProvider time, ActorAccessor actor, ILogger<WardLevelStore> logger)
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
        var waiting = await db.WardLevels.AsNoTracking()
            .Where(l => l.WardCode == wardCode && l.FollowedAt == null && l.EffectiveAt <= now).Select(l => l.Id).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }
        var inForce = await levels.DecisionInForceAsync(wardCode, ct);
        var outcomes = Array.Empty<bool?>();
        if (inForce is { FollowedAt: null } && await cities.RatiosByLevelAsync(inForce.CityCode, ct) is { } ratios)
        {
            var ward = await geography.FindWardAsync(wardCode, ct);
            var level = new WardLevelRatio(inForce.Id, wardCode, ward?.Name ?? wardCode, inForce.Level, ratios[inForce.Level - 1], inForce.Reason);
            var enterprises = await db.Enterprises.AsNoTracking()
                .Where(e => e.WardCode == wardCode && e.Status != EnterpriseStatus.Rejected && e.QuotaOverride == null && !e.RatioIsExplicit)
                .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
            // A few enterprises at a time: each is its own grain and transaction, and a ward may hold hundreds.
            using var slots = new SemaphoreSlim(ParallelFollowers);
            outcomes = await Task.WhenAll(enterprises.Select(async enterprise =>
            {
                await slots.WaitAsync(ct);
                try
                {
                    return (bool?)await grains.GetGrain<IEnterpriseGrain>(enterprise).FollowWardLevelAsync(ChangeId(inForce.Id, enterprise), level);
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
                new { decision = inForce.Id, inForce.Level, enterprisesChanged = followed }, inForce.CityCode, wardCode);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public static WardLevelInfo Info(WardLevelChange l) =>
        new(l.Id, l.WardCode, l.Level, l.Lockdown, l.Reason, l.EffectiveAt, l.SetAt, l.SetBy, l.FollowedAt);

    /// <summary>The id under which one enterprise follows one decision: the same on every Host and every try.</summary>
    private static Guid ChangeId(Guid decision, Guid enterprise)
    {
        Span<byte> both = stackalloc byte[32];
        decision.TryWriteBytes(both[..16]);
        enterprise.TryWriteBytes(both[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(both, hash);
        return new Guid(hash[..16]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enterprise {EnterpriseId} did not follow the level of ward {WardCode}; the sweep tries again")]
    private static partial void LogNotFollowed(ILogger logger, Exception exception, Guid enterpriseId, string wardCode);
}
