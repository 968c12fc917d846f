using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TravelPermits.Permits.Print;

/// <summary>The DejaVu Sans fonts of one print, by size: made once each, as every permit asks for them again.</summary>
internal sealed class SheetFonts
{
    // Unicode (Identity-H) for every string, Vietnamese letters being outside WinAnsi; the whole
    // font embedded, as PDFsharp's subsets lose the parts of composite glyphs (ễ, ầ, ẵ, Ờ).
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    private readonly Dictionary<(double Size, XFontStyleEx Style), XFont> made = [];

    public XFont Bold(double size) => Get(size, XFontStyleEx.Bold);

    public XFont Regular(double size) => Get(size, XFontStyleEx.Regular);

    private XFont Get(double size, XFontStyleEx style)
    {
        if (!made.TryGetValue((size, style), out var font))
        {
            font = new XFont(DejaVuFonts.Family, size, style, Unicode);
            made[(size, style)] = font;
        }
        return font;
    }
}
