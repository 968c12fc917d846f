using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TravelPermits.Permits;

/// <summary>The module's typed settings: bound once from their section, and checked when the Host starts.</summary>
internal static class Settings
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>; a value that <paramref name="problem"/>
    /// refuses (or that is not of its type) stops the Host with a message naming the key.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, string section, Func<T, string?> problem)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Check<T>(problem));
        return services;
    }

    private sealed class Check<T>(Func<T, string?> problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem(options) is { } why ? ValidateOptionsResult.Fail(why) : ValidateOptionsResult.Success;
    }
}
