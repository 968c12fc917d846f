using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TravelPermits.Approvals.Persistence;

/// <summary>
/// The names an enum of the module's Contracts is written with (its members'
/// <see cref="JsonStringEnumMemberNameAttribute"/>): one table for JSON, the database's columns and
/// the query strings and form fields that name a value.
/// </summary>
internal static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, NameOf);
    private static readonly FrozenDictionary<string, TEnum> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Stores the value as its name, in the same column type and length as the strings before it.</summary>
    public static ValueConverter<TEnum, string> Converter { get; } = new(v => Of(v), name => Parse(name));

    public static string Of(TEnum value) => Names[value];

    /// <summary>The value written exactly so (case-sensitive, as the database compares).</summary>
    public static bool TryParse(string? name, out TEnum value) => Values.TryGetValue(name ?? "", out value);

    private static TEnum Parse(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"'{name}' is not a {typeof(TEnum).Name}.");

    private static string NameOf(TEnum value) =>
        typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no JsonStringEnumMemberName.");
}

internal static class WireNameExtensions
{
    /// <summary>The value as JSON and the database write it (<c>partially_approved</c>).</summary>
    public static string WireName<TEnum>(this TEnum value) where TEnum : struct, Enum => WireNames<TEnum>.Of(value);
}
