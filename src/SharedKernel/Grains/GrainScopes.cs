using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.SharedKernel.Grains;

/// <summary>
/// A DI scope per grain call: a grain's work uses the module's scoped services (its DbContext) as an
/// endpoint does, and keeps nothing of them between calls. The activation's own scope lives as long
/// as the activation, which would keep a DbContext and its tracked rows for minutes.
/// </summary>
/// <remarks>
/// The work runs on the thread pool rather than on the grain's scheduler. It touches no state of the
/// activation, and SQLite's driver does its I/O synchronously, waiting for the database's write lock
/// included: on the scheduler each such wait held one of Orleans' few threads (its "long turn"
/// warnings under 16 concurrent stamps), delaying every other grain's calls. The grain still takes one
/// call at a time, since it awaits the work; the caller's actor and language flow with the work as
/// they flow through any await.
/// </remarks>
public static class GrainScopes
{
    public static Task<TResult> WithAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<TService>());
        });

    public static Task WithAsync<TService>(this IServiceScopeFactory scopes, Func<TService, Task> work)
        where TService : notnull =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<TService>());
        });
}
