using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.SharedKernel.Grains;

/// <summary>
/// A DI scope per grain call: a grain's work uses the module's scoped services (its DbContext) as an
/// endpoint does, and keeps nothing of them between calls. The activation's own scope lives as long
/// as the activation, which would keep a DbContext and its tracked rows for minutes.
/// </summary>
public static class GrainScopes
{
    public static async Task<TResult> WithAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task WithAsync<TService>(this IServiceScopeFactory scopes, Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
