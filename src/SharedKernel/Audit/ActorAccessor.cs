using Microsoft.AspNetCore.Http;

namespace TravelPermits.SharedKernel.Audit;

/// <summary>The actor of the current request, or the system outside of one (jobs, start-up).</summary>
public sealed class ActorAccessor(IHttpContextAccessor http)
{
    public Actor Current => http.HttpContext is { } context ? Actor.From(context) : Actor.System;
}
