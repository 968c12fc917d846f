using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Orleans;
using Orleans.Runtime;

namespace TravelPermits.SharedKernel.Grains;

/// <summary>A silo of the cluster as its membership table has it, with its figures when it is active and answers.</summary>
internal sealed record ClusterMember(
    string Address, string Name, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset? AliveAt,
    int? Activations, float? CpuUsage, long? MemoryUsage, long? AvailableMemory, long? ReceivedMessages, long? SentMessages,
    bool? Overloaded);

/// <summary>A grain class, and how many of its activations the cluster holds (in all, and on each silo).</summary>
internal sealed record ClusterGrainClass(string Type, int Activations, IReadOnlyDictionary<string, int> BySilo);

internal sealed record ClusterView(DateTimeOffset At, IReadOnlyList<ClusterMember> Silos, IReadOnlyList<ClusterGrainClass> Grains);

/// <summary>
/// <c>GET /api/v1/admin/cluster</c>: the Orleans cluster the Hosts form, for the admin: each silo
/// (active ones first, then those joining or stopping, then the dead the membership table still
/// remembers) and the activations of each grain class. What Orleans' own dashboard would show, read
/// from the membership table and asked of the cluster's management grain when the admin looks, so
/// that it costs nothing meanwhile.
/// </summary>
internal sealed class ClusterEndpoint(IGrainFactory grains, IMembershipTable membership, TimeProvider time) : EndpointWithoutRequest<ClusterView>
{
    /// <summary>Dead silos shown at most: the membership table keeps them until Orleans' clean-up.</summary>
    private const int MaxDead = 20;

    public override void Configure()
    {
        Get("admin/cluster");
        Group<PlatformApi>();
        Roles(Security.Roles.Admin);
        Description(route => route.WithTags("Administration").WithName("Cluster"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // The membership table itself, not the management grain: that grain may have lived on a silo
        // just killed, and its calls fail until the others declare that silo dead.
        var members = (await membership.ReadAllAsync(ct)).Members.Select(m => m.Item1).ToList();
        var management = grains.GetGrain<IManagementGrain>(0);
        var active = members.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
        // A silo killed a moment ago is still active in the table until the others declare it dead:
        // its figures would not come, so the page shows the table without them rather than wait.
        // Both are asked at once, so that a silo that does not answer costs one wait, not two.
        var askingFigures = FiguresAsync(() => management.GetRuntimeStatistics(active), active.Length, ct);
        var askingStatistics = FiguresAsync(() => management.GetSimpleGrainStatistics(active), active.Length, ct);
        await Task.WhenAll(askingFigures, askingStatistics);
        var (figures, statistics) = (await askingFigures, await askingStatistics);
        var byAddress = figures.Length == active.Length ? active.Zip(figures).ToDictionary(p => p.First, p => p.Second) : [];

        var silos = members.Where(m => m.Status != SiloStatus.Dead).OrderBy(m => Rank(m.Status)).ThenByDescending(m => m.StartTime)
            .Concat(members.Where(m => m.Status == SiloStatus.Dead).OrderByDescending(m => m.StartTime).Take(MaxDead))
            .Select(m => Silo(m, byAddress.GetValueOrDefault(m.SiloAddress)))
            .ToList();
        var types = statistics
            .GroupBy(s => ShortName(s.GrainType))
            .Select(g => new ClusterGrainClass(g.Key, g.Sum(s => s.ActivationCount),
                g.GroupBy(s => s.SiloAddress.ToParsableString()).ToDictionary(s => s.Key, s => s.Sum(x => x.ActivationCount))))
            .Where(t => t.Activations > 0)
            .OrderByDescending(t => t.Activations).ThenBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        await Send.OkAsync(new ClusterView(time.GetUtcNow(), silos, types), ct);
    }

    private static ClusterMember Silo(MembershipEntry member, SiloRuntimeStatistics? figures) => new(
        member.SiloAddress.ToParsableString(), member.SiloName, member.HostName, member.Status.ToString().ToLowerInvariant(),
        Instant(member.StartTime), member.IAmAliveTime == default ? null : Instant(member.IAmAliveTime),
        figures?.ActivationCount, figures?.EnvironmentStatistics.FilteredCpuUsagePercentage, figures?.EnvironmentStatistics.FilteredMemoryUsageBytes,
        figures?.EnvironmentStatistics.FilteredAvailableMemoryBytes, figures?.ReceivedMessages, figures?.SentMessages, figures?.IsOverloaded);

    /// <summary>How long the figures of the active silos are waited for.</summary>
    private static readonly TimeSpan FiguresWait = TimeSpan.FromSeconds(5);

    private static async Task<T[]> FiguresAsync<T>(Func<Task<T[]>> ask, int silos, CancellationToken ct)
    {
        if (silos == 0)
        {
            return [];
        }
        try
        {
            return await ask().WaitAsync(FiguresWait, ct);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return [];
        }
    }

    private static int Rank(SiloStatus status) => status == SiloStatus.Active ? 0 : 1;

    /// <summary>Orleans' membership table keeps UTC instants as unspecified-kind dates.</summary>
    private static DateTimeOffset Instant(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>The class's name, without its namespace and assembly: <c>EnterpriseGrain</c>.</summary>
    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
