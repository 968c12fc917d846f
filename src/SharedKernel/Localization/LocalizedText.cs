using System.Globalization;

namespace TravelPermits.SharedKernel.Localization;

/// <summary>
/// A message shown to people: Vietnamese by default, English when the request asked for it
/// (the request localization middleware sets <see cref="CultureInfo.CurrentUICulture"/>).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("TravelPermits.LocalizedText")]
public sealed record LocalizedText(string Vi, string En)
{
    public string Resolve() => Resolve(CultureInfo.CurrentUICulture);

    public string Resolve(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? En : Vi;

    public LocalizedText Format(params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, Vi, args), string.Format(CultureInfo.InvariantCulture, En, args));

    public override string ToString() => Resolve();
}
