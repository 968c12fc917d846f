using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.Template;

/// <summary>A cell as a spreadsheet program stored it: text (shared or inline) or a number.</summary>
internal readonly record struct SheetValue(string? Text, double? Number)
{
    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}

internal sealed record SheetRow(int Row, SheetValue[] Cells);

internal sealed record SheetContent(IReadOnlyList<SheetRow> Rows, bool Date1904);

/// <summary>
/// Reads an uploaded template the way Excel and LibreOffice write it, and refuses anything that
/// is not this system's template (400 <c>invalid_template</c>, saying what is wrong). Reading is
/// bounded: the package's declared sizes and every part's length are capped, so a zip bomb is
/// refused before it is inflated.
/// </summary>
internal static class TemplateReader
{
    private const long MaxUncompressedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 500;
    private const long MaxCharactersInPart = 60_000_000;

    public static SheetContent Read(Stream file)
    {
        CheckPackage(file);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException)
        {
            throw Invalid(Texts.NotXlsx);
        }
        using (document)
        {
            try
            {
                return ReadTemplate(document);
            }
            catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or ArgumentException or InvalidOperationException)
            {
                throw Invalid(Texts.Damaged);
            }
        }
    }

    private static SheetContent ReadTemplate(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw Invalid(Texts.NotXlsx);
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

        var marker = sheets.FirstOrDefault(s => s.Name?.Value == TemplateLayout.MarkerSheet);
        var markerRows = marker is null ? [] : ReadRows(workbook, marker, strings, 3);
        if (markerRows.FirstOrDefault(r => r.Row == 1)?.Cells.FirstOrDefault().Text?.Trim() != TemplateLayout.Marker)
        {
            throw Invalid(Texts.NotOurTemplate);
        }
        var version = markerRows.FirstOrDefault(r => r.Row == 2)?.Cells.FirstOrDefault() is { } v
            ? v.Number ?? (double.TryParse(v.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0)
            : 0;
        if ((int)version != TemplateLayout.Version)
        {
            throw Invalid(Texts.WrongVersion.Format(version.ToString(CultureInfo.InvariantCulture), TemplateLayout.Version));
        }

        var data = sheets.FirstOrDefault(s => s.Name?.Value == TemplateLayout.DataSheet)
            ?? throw Invalid(Texts.MissingSheet.Format(TemplateLayout.DataSheet,
                string.Join(", ", sheets.Select(s => s.Name?.Value).Where(n => n != TemplateLayout.MarkerSheet))));
        var rows = ReadRows(workbook, data, strings, TemplateLayout.MaxRows + 2);
        CheckHeaders(rows.FirstOrDefault(r => r.Row == 1));
        var content = rows.Where(r => r.Row > 1 && !r.Cells.All(c => c.IsEmpty)).ToList();
        if (content.Count > TemplateLayout.MaxRows)
        {
            throw new ProblemException(400, "too_many_rows", Texts.TooManyRows.Format(TemplateLayout.MaxRows));
        }
        return new SheetContent(content, workbook.Workbook.WorkbookProperties?.Date1904?.Value == true);
    }

    private static void CheckHeaders(SheetRow? header)
    {
        var problems = new List<string>();
        for (var i = 0; i < TemplateLayout.Columns.Length; i++)
        {
            var expected = TemplateLayout.Columns[i];
            var actual = header is null ? "" : VietnameseText.Normalize(header.Cells[i].Text ?? header.Cells[i].Number?.ToString(CultureInfo.InvariantCulture) ?? "");
            if (!string.Equals(actual, expected.Header, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Texts.HeaderMismatch.Format(expected.Letter, expected.Header, actual).Resolve());
            }
        }
        if (problems.Count > 0)
        {
            var text = string.Join(" ", problems);
            throw Invalid(new LocalizedText(Texts.HeadersChanged.Vi + " " + text, Texts.HeadersChanged.En + " " + text));
        }
    }

    /// <summary>Streams the sheet's rows (SAX), keeping the cells of the template's columns only.</summary>
    private static List<SheetRow> ReadRows(WorkbookPart workbook, Sheet sheet, List<string> strings, int maxRows)
    {
        if (sheet.Id?.Value is not { } relationship || !workbook.TryGetPartById(relationship, out var found) || found is not WorksheetPart part)
        {
            throw Invalid(Texts.Damaged); // a chart sheet, or a sheet whose part is missing
        }
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? nextRow;
            nextRow = number + 1;
            var cells = new SheetValue[TemplateLayout.Columns.Length];
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                position = column + 1;
                if (column >= 0 && column < cells.Length)
                {
                    cells[column] = ValueOf(cell, strings);
                }
            }
            rows.Add(new SheetRow(number, cells));
            if (rows.Count > maxRows)
            {
                throw new ProblemException(400, "too_many_rows", Texts.TooManyRows.Format(TemplateLayout.MaxRows));
            }
        }
        return rows;
    }

    private static SheetValue ValueOf(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? new SheetValue(strings[index], null)
                : default;
        }
        if (type == CellValues.InlineString)
        {
            return new SheetValue(cell.InlineString?.InnerText, null);
        }
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Date || type == CellValues.Error)
        {
            return new SheetValue(raw, null);
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new SheetValue(null, number)
            : new SheetValue(raw, null);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }
            index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }

    /// <summary>Refuses what is not a zip package, and packages that would inflate beyond reason.</summary>
    private static void CheckPackage(Stream file)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 4 && magic.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw Invalid(Texts.OldXls);
        }
        if (read < 4 || magic[0] != (byte)'P' || magic[1] != (byte)'K')
        {
            throw Invalid(Texts.NotXlsx);
        }
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes
                || zip.Entries.Any(e => e.CompressedLength > 0 && e.Length / e.CompressedLength > 1000))
            {
                throw Invalid(Texts.TooLarge);
            }
        }
        catch (InvalidDataException)
        {
            throw Invalid(Texts.NotXlsx);
        }
        file.Position = 0;
    }

    private static ProblemException Invalid(LocalizedText message) => new(400, "invalid_template", message);

    private static class Texts
    {
        public static readonly LocalizedText NotXlsx = new(
            "Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu tại GET /api/v1/requests/template.xlsx, điền và lưu ở dạng .xlsx.",
            "The file is not an Excel workbook (.xlsx). Download the template from GET /api/v1/requests/template.xlsx, fill it in and save it as .xlsx.");
        public static readonly LocalizedText OldXls = new(
            "Tệp ở định dạng Excel 97-2003 (.xls). Hãy dùng mẫu của hệ thống và lưu ở dạng .xlsx.",
            "The file is in the Excel 97-2003 format (.xls). Use the system's template and save it as .xlsx.");
        public static readonly LocalizedText Damaged = new("Tệp bảng tính bị hỏng hoặc không đọc được.", "The workbook is damaged or cannot be read.");
        public static readonly LocalizedText TooLarge = new(
            "Tệp giải nén ra quá lớn so với một danh sách; hệ thống từ chối xử lý.", "The file inflates far beyond any list; it is refused.");
        public static readonly LocalizedText NotOurTemplate = new(
            "Tệp không phải mẫu danh sách của hệ thống (thiếu trang đánh dấu mẫu). Hãy tải mẫu tại GET /api/v1/requests/template.xlsx.",
            "The file is not this system's request template (its marker sheet is missing). Download it from GET /api/v1/requests/template.xlsx.");
        public static readonly LocalizedText WrongVersion = new(
            "Mẫu phiên bản {0} đã cũ; hãy tải mẫu phiên bản {1}.", "Template version {0} is outdated; download version {1}.");
        public static readonly LocalizedText MissingSheet = new(
            "Không tìm thấy trang \"{0}\" (trang đã bị đổi tên hoặc xóa). Các trang có trong tệp: {1}.",
            "The sheet \"{0}\" is missing (renamed or deleted). Sheets in the file: {1}.");
        public static readonly LocalizedText HeadersChanged = new("Tiêu đề cột đã bị thay đổi.", "The column headers were changed.");
        public static readonly LocalizedText HeaderMismatch = new(
            "Cột {0} phải là \"{1}\", đang là \"{2}\".", "Column {0} must be \"{1}\", not \"{2}\".");
        public static readonly LocalizedText TooManyRows = new(
            "Danh sách có quá {0} dòng; hãy chia thành nhiều tệp.", "The list has more than {0} rows; split it into several files.");
    }
}
