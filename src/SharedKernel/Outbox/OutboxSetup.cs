using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TravelPermits.SharedKernel.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Permits:Email"));
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        return services;
    }
}
