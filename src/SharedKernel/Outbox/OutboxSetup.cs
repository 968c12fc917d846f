using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddSettings<EmailOptions>(EmailOptions.Section);
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        return services;
    }
}
