using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TravelPermits.SharedKernel.Settings;

/// <summary>
/// Runs a settings class's DataAnnotations (and <see cref="IValidatableObject"/>), into the members
/// marked <see cref="ValidateObjectMembersAttribute"/>, with each member's configuration key as its
/// display name: "The field Permits:Email:MaxAttempts must be between 1 and 20."
/// </summary>
internal sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object settings, string path, List<string> failures)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var key = Key(path, property);
            var value = property.GetValue(settings);
            var results = new List<ValidationResult>();
            Validator.TryValidateProperty(value, new ValidationContext(settings) { MemberName = property.Name, DisplayName = key }, results);
            failures.AddRange(results.Select(r => r.ErrorMessage ?? $"{key} is not valid."));
            if (value is not null && property.IsDefined(typeof(ValidateObjectMembersAttribute)))
            {
                Collect(value, key, failures);
            }
        }
        if (settings is IValidatableObject validatable && failures.Count == 0)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(settings)).Select(r => r.ErrorMessage ?? $"{path} is not valid."));
        }
    }

    /// <summary>The configuration key of a member: its section, then its name or <see cref="ConfigurationKeyNameAttribute"/>.</summary>
    private static string Key(string path, PropertyInfo property)
    {
        var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
        return path.Length == 0 ? name : $"{path}:{name}";
    }
}
