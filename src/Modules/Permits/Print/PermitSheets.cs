using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
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
        var fonts = new SheetFonts();

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
            Cell(graphics!, permit, url, new XRect(x + 8, y + 8, cellWidth - 16, cellHeight - 16), fonts);
            index++;
        }
        graphics?.Dispose();
        if (index == 0)
        {
            document.AddPage();
        }
        document.Save(output, closeStream: false);
    }

    private static void Cell(XGraphics g, Permit p, string url, XRect box, SheetFonts fonts)
    {
        var qrSize = Math.Min(box.Height - 14, box.Width * 0.42); // about 40 mm: scans from a cheap phone at arm's length
        using (var image = XImage.FromStream(new MemoryStream(QrLinks.Png(url, 4))))
        {
            g.DrawImage(image, box.X, box.Y + 14, qrSize, qrSize);
        }
        g.DrawString("GIẤY ĐI ĐƯỜNG", fonts.Bold(11), XBrushes.Black, new XRect(box.X, box.Y, box.Width, 14), XStringFormats.TopLeft);

        var left = box.X + qrSize + 8;
        var width = box.Right - left;
        // Each field is printed whole: wrapped, and made smaller only when its lines would pass its
        // budget. The name, compared with the ID card, may take three lines at full size; it makes
        // room by taking from the stamp box.
        var fields = new List<(string Text, Func<double, XFont> Font, double Largest, double Smallest, double Slot, double Budget)>
        {
            (p.HolderName, fonts.Bold, 11, 7, 28, 40),
            ($"CCCD/CMND: {p.IdNumber}", fonts.Regular, 8, 6, 12, 12),
            ($"Ngày sinh: {p.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", fonts.Regular, 8, 6, 12, 12),
            (p.EnterpriseName ?? "Cá nhân", fonts.Regular, 8, 6, 24, 24),
            ($"Hiệu lực: {Local(p.ValidFrom)} – {Local(p.ValidTo)}", fonts.Regular, 8, 6, 22, 22),
        };
        var top = box.Y + 14;
        foreach (var (text, font, largest, smallest, slot, budget) in fields)
        {
            var fitted = FittedText.Fit(g, text, font, width, budget, largest, smallest);
            fitted.Draw(g, XBrushes.Black, left, top, width);
            top += Math.Max(slot, fitted.Height + 2);
        }
        var stamp = new XRect(left, top + 2, width, Math.Max(24, box.Bottom - top - 4));
        g.DrawRectangle(new XPen(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash }, stamp);
        g.DrawString("Xác nhận của Công an phường", fonts.Regular(6.5), XBrushes.Gray, new XRect(stamp.X + 3, stamp.Y + 2, stamp.Width, 10), XStringFormats.TopLeft);
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
