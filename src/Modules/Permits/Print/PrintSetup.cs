using PdfSharp.Fonts;

namespace TravelPermits.Permits.Print;

/// <summary>PDFsharp's process-wide settings: the font resolver, set once for the whole process.</summary>
internal static class PrintSetup
{
    private static readonly Lock Gate = new();

    public static void Once(string? fontDirectory)
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new DejaVuFonts(fontDirectory);
        }
    }
}
