using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TravelPermits.SharedKernel.Settings;

/// <summary>
/// Typed settings: a class bound to one configuration section and checked by its DataAnnotations
/// when the Host starts, so that a wrong value stops the Host with a message naming the key an
/// operator sets (<c>Permits:Email:MaxAttempts</c>), rather than misbehaving later.
/// </summary>
public static class SettingsSetup
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> ("" for the root), validated at start.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// As <see cref="AddSettings{T}(IServiceCollection, string)"/>, with a check that spans several
    /// values or needs code: <paramref name="problem"/> says what is wrong (naming the key), or null.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section, Func<T, string?> problem) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new ProblemCheck<T>(problem));
        return services.AddSettings<T>(section);
    }

    private sealed class ProblemCheck<T>(Func<T, string?> problem) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem(options) is { } why ? ValidateOptionsResult.Fail(why) : ValidateOptionsResult.Success;
    }

    /// <summary>
    /// The settings as <see cref="AddSettings{T}(IServiceCollection, string)"/> binds and validates them, read at once: for the
    /// few registrations that take a value rather than a service (Data Protection's certificate, the
    /// scheduler's store).
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        var settings = new T();
        (section.Length == 0 ? configuration : configuration.GetSection(section)).Bind(settings);
        var result = new SettingsValidator<T>(section).Validate(Options.DefaultName, settings);
        return result.Failed
            ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures)
            : settings;
    }
}
