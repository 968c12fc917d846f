using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.SharedKernel.Audit;

/// <summary>Who is making a change: the signed-in user, or the system (jobs, start-up).</summary>
public sealed record Actor(string Name, Guid? UserId)
{
    public static readonly Actor System = new("system", null);
    public static readonly Actor Anonymous = new("anonymous", null);
    public static readonly Actor Scheduler = new("scheduler", null);

    public static Actor From(CallerScope caller) =>
        caller.IsAuthenticated ? new Actor(caller.Email ?? caller.UserId?.ToString() ?? "user", caller.UserId) : Anonymous;

    public static Actor From(HttpContext http) => From(http.Caller());
}
