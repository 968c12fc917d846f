using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Scheduling;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddSettings<EmailOptions>(EmailOptions.Section);
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<EmailDispatcher>();
        services.AddJobQueue(EmailJobs.QueueName);
        services.AddRecurringJob<EmailJobs>(EmailJobs.SweepId, jobs => jobs.SweepAsync(CancellationToken.None),
            sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.PollSeconds);
        return services;
    }
}
