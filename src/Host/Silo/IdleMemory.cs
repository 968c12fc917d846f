using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace TravelPermits.Host.Silo;

/// <summary>
/// Gives the memory of a busy spell back to the system once the Host is idle (issue 13). The grains a
/// burst touched (100,000 permits stamped) are collected by Orleans minutes after their last call and
/// are garbage from then on; but an idle Host allocates too little for the garbage collector to run, so
/// the pages they held would stay committed for as long as it stays idle (docs/benchmarks.md). Every
/// <see cref="Interval"/>, when the Host allocated little since the last look, and either its resident
/// memory grew by <see cref="Growth"/> since the last time it was given back (and that was
/// <see cref="Spacing"/> ago or more) or Orleans has collected at least <see cref="GoneActivations"/>
/// activations since, it is given back: one full, compacting collection in the aggressive mode, then
/// the C library's free pages (glibc keeps what SQLite and the runtime freed, <c>malloc_trim</c>).
/// </summary>
/// <remarks>
/// <para>
/// The resident memory decides, not the GC's committed bytes, which are those of its last collection:
/// an idle Host collects seldom, and the regions it committed since for new allocations grew the
/// process by 90 MB in three minutes after a burst while the last collection's figure stood still
/// (docs/benchmarks.md).
/// </para>
/// <para>
/// A collection is the whole process's, so one IdleMemory per process decides: the first to look leads
/// until its Host stops. A process holding several Hosts (the tests hold dozens) otherwise collected
/// once per Host, six full collections in five seconds. And a collection that gave little back doubles
/// the spacing before the next one that growth alone may start (up to <see cref="MaxSpacing"/>), so a
/// quiet Host whose memory rises and falls with light traffic is not collected over and over.
/// </para>
/// </remarks>
internal sealed partial class IdleMemory(TimeProvider time, IActivationWorkingSet activations, ILogger<IdleMemory> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>The least time between two collections that growth alone starts.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(30);

    /// <summary>The most that spacing grows to after collections that gave little back.</summary>
    public static readonly TimeSpan MaxSpacing = TimeSpan.FromMinutes(10);

    /// <summary>How often Orleans looks for activations past their age limit (SiloSetup).</summary>
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(30);

    /// <summary>What an idle Host allocates at most (its timers, the email and Hangfire polls): well under this.</summary>
    public const long IdleBytesPerSecond = 2L << 20;

    /// <summary>Resident memory grown by so much since it was last given back is worth giving back again.</summary>
    public const long Growth = 32L << 20;

    /// <summary>So many activations gone since memory was last given back (a burst's grains collected) is worth doing it again at once.</summary>
    public const int GoneActivations = 1_000;

    /// <summary>
    /// Whether to give memory back now: idle since the last look, and either grown since the last time
    /// with the spacing past, or many activations gone since.
    /// </summary>
    public static bool ShouldReclaim(long allocatedSince, TimeSpan over, long grownSince, TimeSpan sinceLast, TimeSpan spacing, int activationsGone) =>
        allocatedSince <= IdleBytesPerSecond * over.TotalSeconds
        && ((grownSince >= Growth && sinceLast >= spacing) || activationsGone >= GoneActivations);

    /// <summary>The spacing after a collection that gave <paramref name="givenBack"/> bytes back: reset when it was worth it, doubled when not.</summary>
    public static TimeSpan NextSpacing(TimeSpan spacing, long givenBack) =>
        givenBack >= Growth / 2 ? Spacing : TimeSpan.FromTicks(Math.Min(spacing.Ticks * 2, MaxSpacing.Ticks));

    /// <summary>The instance of the process that decides.</summary>
    private static readonly Leadership Process = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leading = false;
        long allocated = 0, resident = 0; // at the last look; resident: what the process held when memory was last given back
        var peak = 0; // the most activations seen since then
        var last = time.GetTimestamp();
        var spacing = Spacing;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!leading)
                {
                    if (!(leading = Process.Lead(this)))
                    {
                        continue;
                    }
                    (allocated, resident, peak, last) = (GC.GetTotalAllocatedBytes(), Environment.WorkingSet, activations.Count, time.GetTimestamp());
                    continue;
                }
                var now = GC.GetTotalAllocatedBytes();
                var count = activations.Count;
                peak = Math.Max(peak, count);
                var before = Environment.WorkingSet;
                if (ShouldReclaim(now - allocated, Interval, before - resident, time.GetElapsedTime(last), spacing, peak - count))
                {
                    var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    NativeHeap.Trim();
                    var after = Environment.WorkingSet;
                    spacing = NextSpacing(spacing, before - after);
                    (resident, peak, last) = (after, count, time.GetTimestamp());
                    LogGivenBack(logger, before >> 20, after >> 20, committed >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20, count, (int)spacing.TotalSeconds);
                    now = GC.GetTotalAllocatedBytes();
                }
                // Grown while busy is given back at the first quiet look; shrunk (by the GC itself) is the new mark.
                resident = Math.Min(resident, before);
                allocated = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Process.StepDown(this);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: the memory of the last busy spell given back ({Before} MB resident, {After} MB now; GC heap {Committed} MB committed at its last collection, {CommittedAfter} MB now; {Activations} activations; next on growth alone in {Spacing} s or more)")]
    private static partial void LogGivenBack(ILogger logger, long before, long after, long committed, long committedAfter, int activations, int spacing);
}

/// <summary>One of many that decides for all: the first to ask, until it steps down; then the next to ask.</summary>
internal sealed class Leadership
{
    private object? _leader;

    /// <summary>Whether <paramref name="candidate"/> leads (now, or from now on when nobody did).</summary>
    public bool Lead(object candidate) =>
        Interlocked.CompareExchange(ref _leader, candidate, null) is not { } leader || ReferenceEquals(leader, candidate);

    /// <summary>Leaves the lead to the next to ask, if <paramref name="candidate"/> had it.</summary>
    public void StepDown(object candidate) => Interlocked.CompareExchange(ref _leader, null, candidate);
}

/// <summary>
/// The C library's heap: glibc keeps the pages freed by native code (SQLite's caches, the runtime's own
/// allocations) for reuse until <c>malloc_trim</c> gives them back. Elsewhere (musl, macOS, Windows)
/// there is nothing to call and nothing is done.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Gives the C library's free pages back to the system; false where there is no such call.</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // A plain import: the signature is blittable, and LibraryImport would need unsafe code in the Host.
    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);
}
