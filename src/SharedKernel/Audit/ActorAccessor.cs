using Microsoft.AspNetCore.Http;

namespace TravelPermits.SharedKernel.Audit;

/// <summary>
/// The actor of the current request, or the system outside of one (jobs, start-up). Inside a grain
/// call there is no request: the actor that made the call is given for its duration
/// (<see cref="Grains.CallerContextFilter"/>).
/// </summary>
public sealed class ActorAccessor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<Actor?> Given = new();

    public Actor Current => Given.Value ?? (http.HttpContext is { } context ? Actor.From(context) : Actor.System);

    /// <summary>Makes <paramref name="actor"/> the current one until the result is disposed (in this async flow only).</summary>
    public static IDisposable Use(Actor actor)
    {
        var previous = Given.Value;
        Given.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(Actor? previous) : IDisposable
    {
        public void Dispose() => Given.Value = previous;
    }
}
