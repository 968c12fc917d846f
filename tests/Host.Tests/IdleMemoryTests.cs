using TravelPermits.Host.Silo;

namespace TravelPermits.Host.Tests;

/// <summary>When the Host gives a busy spell's memory back: only idle, only with much committed, and not twice in a row.</summary>
public sealed class IdleMemoryTests
{
    private static readonly TimeSpan Interval = IdleMemory.Interval;
    private const long Big = 500L << 20;

    [Fact]
    public void An_idle_host_with_much_committed_collects_once_per_spacing()
    {
        Assert.True(IdleMemory.ShouldCollect(1L << 20, Interval, Big, IdleMemory.Spacing, 0));
        Assert.False(IdleMemory.ShouldCollect(1L << 20, Interval, Big, IdleMemory.Spacing - TimeSpan.FromSeconds(1), 0));
    }

    [Fact]
    public void An_idle_host_collects_again_at_once_when_orleans_collected_a_burst_s_grains_since()
    {
        var lately = IdleMemory.Interval;
        Assert.True(IdleMemory.ShouldCollect(1L << 20, Interval, Big, lately, IdleMemory.GoneActivations));
        Assert.False(IdleMemory.ShouldCollect(1L << 20, Interval, Big, lately, IdleMemory.GoneActivations - 1));
        // Still not while busy, nor with little committed.
        var busy = IdleMemory.IdleBytesPerSecond * (long)Interval.TotalSeconds + 1;
        Assert.False(IdleMemory.ShouldCollect(busy, Interval, Big, lately, 50_000));
        Assert.False(IdleMemory.ShouldCollect(0, Interval, IdleMemory.Floor, lately, 50_000));
    }

    [Fact]
    public void A_busy_host_or_one_with_little_committed_is_left_alone()
    {
        var busy = IdleMemory.IdleBytesPerSecond * (long)Interval.TotalSeconds + 1;
        Assert.False(IdleMemory.ShouldCollect(busy, Interval, Big, TimeSpan.FromHours(1), 0));
        Assert.False(IdleMemory.ShouldCollect(0, Interval, IdleMemory.Floor, TimeSpan.FromHours(1), 0));
        Assert.True(IdleMemory.ShouldCollect(busy - 1, Interval, IdleMemory.Floor + 1, TimeSpan.FromHours(1), 0));
    }
}
