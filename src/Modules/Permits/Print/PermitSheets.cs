using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;

namespace TravelPermits.Permits.Print;

/// <summary>
/// A4 sheets of eight permits (two columns, four rows), cut lines between them: the QR code,
/// the holder's name and ID number, the enterprise, the validity and a box for the ward police's
/// stamp. PDFsharp holds the document until <c>Save</c>, which writes it to the output stream
/// whole; the print endpoint bounds its size (see docs/benchmarks.md).
/// </summary>
internal static class PermitSheets
{
    private const double Margin = 24;
    private const int Columns = 2;
    private const int Rows = 4;
    public const int PerPage = Columns * Rows;

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static void Write(IEnumerable<(Permit Permit, string Url)> permits, Stream output)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Giấy đi đường";
        document.Info.Creator = "Travel permits";
        // Unicode (Identity-H) for every string, Vietnamese letters being outside WinAnsi; the whole
        // font embedded, as PDFsharp's subsets lose the parts of composite glyphs (ễ, ầ, ẵ, Ờ).
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        var title = new XFont(DejaVuFonts.Family, 11, XFontStyleEx.Bold, unicode);
        var name = new XFont(DejaVuFonts.Family, 11, XFontStyleEx.Bold, unicode);
        var text = new XFont(DejaVuFonts.Family, 8, XFontStyleEx.Regular, unicode);
        var small = new XFont(DejaVuFonts.Family, 6.5, XFontStyleEx.Regular, unicode);

        PdfPage? page = null;
        XGraphics? graphics = null;
        var index = 0;
        foreach (var (permit, url) in permits)
        {
            if (index % PerPage == 0)
            {
                graphics?.Dispose();
                page = document.AddPage();
                page.Size = PageSize.A4;
                graphics = XGraphics.FromPdfPage(page);
                CutLines(graphics, page);
            }
            var cellWidth = (page!.Width.Point - (2 * Margin)) / Columns;
            var cellHeight = (page.Height.Point - (2 * Margin)) / Rows;
            var slot = index % PerPage;
            var x = Margin + (slot % Columns * cellWidth);
            var y = Margin + (slot / Columns * cellHeight);
            Cell(graphics!, permit, url, new XRect(x + 8, y + 8, cellWidth - 16, cellHeight - 16), title, name, text, small);
            index++;
        }
        graphics?.Dispose();
        if (index == 0)
        {
            document.AddPage();
        }
        document.Save(output, closeStream: false);
    }

    private static void Cell(XGraphics g, Permit p, string url, XRect box, XFont title, XFont name, XFont text, XFont small)
    {
        var qrSize = Math.Min(box.Height - 14, box.Width * 0.42); // about 40 mm: scans from a cheap phone at arm's length
        using (var image = XImage.FromStream(new MemoryStream(QrLinks.Png(url, 4))))
        {
            g.DrawImage(image, box.X, box.Y + 14, qrSize, qrSize);
        }
        g.DrawString("GIẤY ĐI ĐƯỜNG", title, XBrushes.Black, new XRect(box.X, box.Y, box.Width, 14), XStringFormats.TopLeft);

        var left = box.X + qrSize + 8;
        var width = box.Right - left;
        var formatter = new XTextFormatter(g);
        var lines = new List<(string Text, XFont Font, double Height)>
        {
            (p.HolderName, name, 28),
            ($"CCCD/CMND: {p.IdNumber}", text, 12),
            ($"Ngày sinh: {p.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", text, 12),
            (p.EnterpriseName ?? "Cá nhân", text, 24),
            ($"Hiệu lực: {Local(p.ValidFrom)} – {Local(p.ValidTo)}", text, 22),
        };
        var top = box.Y + 14;
        foreach (var (line, font, height) in lines)
        {
            formatter.DrawString(line, font, XBrushes.Black, new XRect(left, top, width, height), XStringFormats.TopLeft);
            top += height;
        }
        var stamp = new XRect(left, top + 2, width, Math.Max(24, box.Bottom - top - 4));
        g.DrawRectangle(new XPen(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash }, stamp);
        g.DrawString("Xác nhận của Công an phường", small, XBrushes.Gray, new XRect(stamp.X + 3, stamp.Y + 2, stamp.Width, 10), XStringFormats.TopLeft);
    }

    private static void CutLines(XGraphics g, PdfPage page)
    {
        var pen = new XPen(XColors.LightGray, 0.4) { DashStyle = XDashStyle.Dot };
        var width = page.Width.Point - (2 * Margin);
        var height = page.Height.Point - (2 * Margin);
        for (var c = 0; c <= Columns; c++)
        {
            g.DrawLine(pen, Margin + (c * width / Columns), Margin, Margin + (c * width / Columns), Margin + height);
        }
        for (var r = 0; r <= Rows; r++)
        {
            g.DrawLine(pen, Margin, Margin + (r * height / Rows), Margin + width, Margin + (r * height / Rows));
        }
    }

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Vietnam).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
