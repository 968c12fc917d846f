using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace TravelPermits.Host.Silo;

/// <summary>
/// Gives the memory of a busy spell back to the system once the Host is idle (issue 13). The grains a
/// burst touched (100,000 permits stamped) are collected by Orleans minutes after their last call and
/// are garbage from then on; but an idle Host allocates too little for the garbage collector to run, so
/// the pages they held would stay committed for as long as it stays idle (docs/benchmarks.md). Every
/// <see cref="Interval"/>, when the Host allocated little since the last look and the GC heap had more
/// than <see cref="Floor"/> committed at its last collection, one full, compacting collection in the
/// aggressive mode returns the free pages: at most once per <see cref="Spacing"/>, or sooner once Orleans
/// has collected at least <see cref="GoneActivations"/> of the silo's activations since, whose memory
/// is then garbage to give back.
/// </summary>
internal sealed partial class IdleMemory(TimeProvider time, IActivationWorkingSet activations, ILogger<IdleMemory> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(60);

    /// <summary>How often Orleans looks for activations past their age limit (SiloSetup).</summary>
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(30);

    /// <summary>What an idle Host allocates at most (its timers, the email and Hangfire polls): well under this.</summary>
    public const long IdleBytesPerSecond = 2L << 20;

    /// <summary>A Host with no burst behind it commits less than this; under it there is nothing worth a full collection.</summary>
    public const long Floor = 160L << 20;

    /// <summary>So many activations gone since the last collection (a burst's grains collected) is worth one more at once.</summary>
    public const int GoneActivations = 1_000;

    /// <summary>
    /// Whether to collect now: idle since the last look, much committed, and either not collected so
    /// lately or many activations gone since.
    /// </summary>
    public static bool ShouldCollect(long allocatedSince, TimeSpan over, long committed, TimeSpan sinceLastCollection, int activationsGone) =>
        allocatedSince <= IdleBytesPerSecond * over.TotalSeconds && committed > Floor
        && (sinceLastCollection >= Spacing || activationsGone >= GoneActivations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var lastCollection = time.GetTimestamp();
        var peak = activations.Count; // the most activations seen since the last collection
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.GetTotalAllocatedBytes();
                var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                var count = activations.Count;
                peak = Math.Max(peak, count);
                if (ShouldCollect(now - allocated, Interval, committed, time.GetElapsedTime(lastCollection), peak - count))
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    lastCollection = time.GetTimestamp();
                    peak = count;
                    LogCollected(logger, committed >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20, count);
                    now = GC.GetTotalAllocatedBytes();
                }
                allocated = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: the memory of the last busy spell given back ({Before} MB committed, {After} MB now; {Activations} activations)")]
    private static partial void LogCollected(ILogger logger, long before, long after, int activations);
}
