namespace TravelPermits.TestSupport;

/// <summary>A clock that runs with real time but can be moved forward (or set) by a test.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public void Set(DateTimeOffset now) => _offset = now - base.GetUtcNow();
}
