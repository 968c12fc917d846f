using Hangfire;
using Microsoft.Extensions.Hosting;

namespace TravelPermits.SharedKernel.Scheduling;

internal sealed record RecurringJobDefinition(string Id, Action<IRecurringJobManager, IServiceProvider> Register);

/// <summary>At start, after migrations: puts every module's recurring jobs in the job storage.</summary>
internal sealed class RecurringJobRegistration(IEnumerable<RecurringJobDefinition> definitions, IRecurringJobManager jobs, IServiceProvider services)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            definition.Register(jobs, services);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
