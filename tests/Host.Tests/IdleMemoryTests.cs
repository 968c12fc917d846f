using TravelPermits.Host.Silo;

namespace TravelPermits.Host.Tests;

/// <summary>
/// When the Host gives a busy spell's memory back: only idle, only when it grew or a burst's grains went
/// since the last time, spaced out when it gave little back, and decided by one Host of a process.
/// </summary>
public sealed class IdleMemoryTests
{
    private static readonly TimeSpan Interval = IdleMemory.Interval;
    private static readonly TimeSpan Spacing = IdleMemory.Spacing;
    private static readonly long Busy = IdleMemory.IdleBytesPerSecond * (long)Interval.TotalSeconds + 1;

    [Fact]
    public void An_idle_host_gives_back_once_it_grew_since_the_last_time_and_the_spacing_is_past()
    {
        Assert.True(IdleMemory.ShouldReclaim(1L << 20, Interval, IdleMemory.Growth, Spacing, Spacing, 0));
        Assert.False(IdleMemory.ShouldReclaim(1L << 20, Interval, IdleMemory.Growth - 1, Spacing, Spacing, 0));
        Assert.False(IdleMemory.ShouldReclaim(1L << 20, Interval, IdleMemory.Growth, Spacing - TimeSpan.FromSeconds(1), Spacing, 0));
        // Shrunk since (the GC gave back by itself): nothing to do.
        Assert.False(IdleMemory.ShouldReclaim(0, Interval, -IdleMemory.Growth, TimeSpan.FromHours(1), Spacing, 0));
    }

    [Fact]
    public void An_idle_host_gives_back_at_once_when_orleans_collected_a_burst_s_grains_since()
    {
        var lately = Interval;
        Assert.True(IdleMemory.ShouldReclaim(1L << 20, Interval, 0, lately, IdleMemory.MaxSpacing, IdleMemory.GoneActivations));
        Assert.False(IdleMemory.ShouldReclaim(1L << 20, Interval, 0, lately, IdleMemory.MaxSpacing, IdleMemory.GoneActivations - 1));
    }

    [Fact]
    public void A_busy_host_is_left_alone_however_much_it_grew()
    {
        Assert.False(IdleMemory.ShouldReclaim(Busy, Interval, 1L << 30, TimeSpan.FromHours(1), Spacing, 50_000));
        Assert.True(IdleMemory.ShouldReclaim(Busy - 1, Interval, 1L << 30, TimeSpan.FromHours(1), Spacing, 50_000));
    }

    [Fact]
    public void A_collection_that_gave_little_back_doubles_the_spacing_up_to_its_limit_and_one_worth_it_resets_it()
    {
        var little = IdleMemory.Growth / 2 - 1;
        Assert.Equal(Spacing * 2, IdleMemory.NextSpacing(Spacing, little));
        Assert.Equal(Spacing * 4, IdleMemory.NextSpacing(Spacing * 2, little));
        Assert.Equal(IdleMemory.MaxSpacing, IdleMemory.NextSpacing(IdleMemory.MaxSpacing - TimeSpan.FromSeconds(1), little));
        Assert.Equal(IdleMemory.MaxSpacing, IdleMemory.NextSpacing(IdleMemory.MaxSpacing, 0));
        Assert.Equal(Spacing, IdleMemory.NextSpacing(IdleMemory.MaxSpacing, IdleMemory.Growth / 2));
    }

    [Fact]
    public void One_host_of_a_process_decides_until_it_stops_then_the_next_to_look()
    {
        var (lead, first, second) = (new Leadership(), new object(), new object());
        Assert.True(lead.Lead(first));
        Assert.False(lead.Lead(second));
        Assert.True(lead.Lead(first));
        lead.StepDown(second); // not the leader: changes nothing
        Assert.False(lead.Lead(second));
        lead.StepDown(first);
        Assert.True(lead.Lead(second));
        Assert.False(lead.Lead(first));
    }

    [Fact]
    public void The_c_library_s_free_pages_are_given_back_on_linux()
    {
        // The import must bind on the Linux Hosts run (glibc); elsewhere there is nothing to call.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
    }
}
