using TravelPermits.Host.Silo;

namespace TravelPermits.Host.Tests;

/// <summary>When the Host gives a busy spell's memory back: only idle, and only when it grew or a burst's grains went since the last time.</summary>
public sealed class IdleMemoryTests
{
    private static readonly TimeSpan Interval = IdleMemory.Interval;
    private static readonly long Busy = IdleMemory.IdleBytesPerSecond * (long)Interval.TotalSeconds + 1;

    [Fact]
    public void An_idle_host_gives_back_once_it_grew_since_the_last_time()
    {
        Assert.True(IdleMemory.ShouldReclaim(1L << 20, Interval, IdleMemory.Growth, 0));
        Assert.False(IdleMemory.ShouldReclaim(1L << 20, Interval, IdleMemory.Growth - 1, 0));
        // Shrunk since (the GC gave back by itself): nothing to do.
        Assert.False(IdleMemory.ShouldReclaim(0, Interval, -IdleMemory.Growth, 0));
    }

    [Fact]
    public void An_idle_host_gives_back_at_once_when_orleans_collected_a_burst_s_grains_since()
    {
        Assert.True(IdleMemory.ShouldReclaim(1L << 20, Interval, 0, IdleMemory.GoneActivations));
        Assert.False(IdleMemory.ShouldReclaim(1L << 20, Interval, 0, IdleMemory.GoneActivations - 1));
    }

    [Fact]
    public void A_busy_host_is_left_alone_however_much_it_grew()
    {
        Assert.False(IdleMemory.ShouldReclaim(Busy, Interval, 1L << 30, 50_000));
        Assert.True(IdleMemory.ShouldReclaim(Busy - 1, Interval, 1L << 30, 50_000));
    }

    [Fact]
    public void The_c_library_s_free_pages_are_given_back_on_linux()
    {
        // The import must bind on the Linux Hosts run (glibc); elsewhere there is nothing to call.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
    }
}
