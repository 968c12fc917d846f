using PdfSharp.Fonts;

namespace TravelPermits.Permits.Print;

/// <summary>PDFsharp's process-wide settings: its AGPL licence (the project's, see LICENSE) and the font resolver.</summary>
internal static class PrintSetup
{
    private static readonly Lock Gate = new();

    public static void Once(string? fontDirectory)
    {
        lock (Gate)
        {
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new DejaVuFonts(fontDirectory);
        }
    }
}
