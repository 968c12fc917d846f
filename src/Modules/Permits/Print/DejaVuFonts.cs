using PdfSharp.Fonts;

namespace TravelPermits.Permits.Print;

/// <summary>
/// Fonts for printing, DejaVu Sans (it covers Vietnamese), from Debian's fonts-dejavu-core or the
/// folder in <c>Permits:Print:FontDirectory</c>. PDFsharp on Linux needs a resolver to find any font.
/// </summary>
internal sealed class DejaVuFonts(string? configuredDirectory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly string[] KnownDirectories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu"];

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        foreach (var directory in (configuredDirectory is { Length: > 0 } ? [configuredDirectory] : Array.Empty<string>()).Concat(KnownDirectories))
        {
            var file = Path.Combine(directory, faceName + ".ttf");
            if (File.Exists(file))
            {
                return File.ReadAllBytes(file);
            }
        }
        throw new FileNotFoundException(
            $"{faceName}.ttf was not found: install Debian's fonts-dejavu-core or set Permits:Print:FontDirectory.");
    }
}
