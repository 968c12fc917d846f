using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// A cell as a spreadsheet program stored it: text (shared or inline) or a number. A text longer
/// than <see cref="TemplateLimits.MaxCellCharacters"/> is cut there and marked <see cref="TooLong"/>.
/// </summary>
internal readonly record struct SheetValue(string? Text, double? Number, bool TooLong = false)
{
    public bool IsEmpty => !TooLong && Number is null && string.IsNullOrWhiteSpace(Text);
}

internal sealed record SheetRow(int Row, SheetValue[] Cells);

internal sealed record SheetContent(IReadOnlyList<SheetRow> Rows, bool Date1904);

/// <summary>
/// Reads an uploaded template the way Excel and LibreOffice write it, and refuses anything that
/// is not this system's template (400 <c>invalid_template</c>, saying what is wrong). Reading is
/// bounded (<see cref="TemplateLimits"/>): the package's declared sizes are capped, every part read
/// is counted as it inflates and refused past its limit, rows and shared strings are streamed
/// node by node with each cell's text cut at its limit, cells right of the template's columns are
/// skipped unread, and only the shared strings the template's cells use are kept, read after the
/// marker sheet said the file is the template.
/// </summary>
internal static class TemplateReader
{
    private const long MaxUncompressedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 500;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const int ExcelMaxRow = 1_048_576;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static SheetContent Read(Stream file)
    {
        CheckPackage(file);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = TemplateLimits.MaxSheetBytes });
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
            catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or InvalidOperationException)
            {
                throw Invalid(Texts.Damaged);
            }
        }
    }

    private static SheetContent ReadTemplate(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw Invalid(Texts.NotXlsx);
        var (sheets, date1904) = ReadWorkbook(workbook);
        var strings = new SharedStrings(workbook);

        // The marker first: a file that is not the template costs no more than its marker sheet
        // (and, when that sheet's cells are shared strings, the strings up to the marker's). Then
        // the headers, and only then the rest of the strings the rows use.
        var marker = sheets.FirstOrDefault(s => s.Name == TemplateLayout.MarkerSheet);
        var markerRows = marker is null ? [] : ReadRows(workbook, marker, 3, stopAtLimit: true);
        var markerCells = markerRows.Where(r => r.Row is 1 or 2).Select(r => r.Cells[0]).ToList();
        strings.Load(markerCells);
        if (Resolve(markerRows.FirstOrDefault(r => r.Row == 1), strings)?.Cells[0].Text?.Trim() != TemplateLayout.Marker)
        {
            throw Invalid(Texts.NotOurTemplate);
        }
        var version = Resolve(markerRows.FirstOrDefault(r => r.Row == 2), strings)?.Cells[0] is { } v
            ? v.Number ?? (double.TryParse(v.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0)
            : 0;
        if ((int)version != TemplateLayout.Version)
        {
            throw Invalid(Texts.WrongVersion.Format(version.ToString(CultureInfo.InvariantCulture), TemplateLayout.Version));
        }

        var data = sheets.FirstOrDefault(s => s.Name == TemplateLayout.DataSheet)
            ?? throw Invalid(Texts.MissingSheet.Format(TemplateLayout.DataSheet,
                string.Join(", ", sheets.Select(s => s.Name).Where(n => n != TemplateLayout.MarkerSheet))));
        var raw = ReadRows(workbook, data, TemplateLayout.MaxRows + 2, stopAtLimit: false);
        var header = raw.FirstOrDefault(r => r.Row == 1);
        strings.Load(header?.Cells ?? []);
        CheckHeaders(Resolve(header, strings));
        strings.Load(raw.SelectMany(r => r.Cells));
        var rows = raw.Select(r => Resolve(r, strings)!).ToList();
        var content = rows.Where(r => r.Row > 1 && !r.Cells.All(c => c.IsEmpty)).ToList();
        if (content.Count > TemplateLayout.MaxRows)
        {
            throw new ProblemException(400, "too_many_rows", Texts.TooManyRows.Format(TemplateLayout.MaxRows));
        }
        return new SheetContent(content, date1904);
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

    private sealed record WorkbookSheet(string? Name, string? RelationshipId);

    /// <summary>A cell as read from the sheet: a shared string's index (resolved later), or its value.</summary>
    private readonly record struct RawCell(int SharedIndex, SheetValue Value)
    {
        public static readonly RawCell None = new(-1, default);
    }

    private sealed record RawRow(int Row, RawCell[] Cells);

    private static SheetRow? Resolve(RawRow? row, SharedStrings strings) =>
        row is null ? null : new SheetRow(row.Row, row.Cells.Select(c => c.SharedIndex >= 0 ? strings[c.SharedIndex] : c.Value).ToArray());

    /// <summary>The sheets' names and parts, and the date system, streamed from <c>xl/workbook.xml</c>.</summary>
    private static (List<WorkbookSheet> Sheets, bool Date1904) ReadWorkbook(WorkbookPart workbook)
    {
        var sheets = new List<WorkbookSheet>();
        var date1904 = false;
        var seenProperties = false;
        using var stream = new CountedStream(workbook.GetStream(FileMode.Open, FileAccess.Read), TemplateLimits.MaxWorkbookBytes,
            () => PartTooLarge(workbook.Uri, TemplateLimits.MaxWorkbookBytes));
        using (var xml = XmlReader.Create(stream, XmlSettings))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !IsMain(xml))
                {
                    continue;
                }
                if (xml.LocalName == "workbookPr" && !seenProperties)
                {
                    seenProperties = true;
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet" && xml.Depth == 2)
                {
                    sheets.Add(new WorkbookSheet(xml.GetAttribute("name"),
                        xml.GetAttribute("id", Relationships) ?? xml.GetAttribute("id", StrictRelationships)));
                }
            }
        }
        return (sheets, date1904);
    }

    /// <summary>
    /// Streams a sheet's rows node by node, keeping the cells of the template's columns only; a
    /// row past <paramref name="maxRows"/> is <c>too_many_rows</c>, or where reading stops when
    /// <paramref name="stopAtLimit"/>. The part is then inflated to its end to count its size.
    /// </summary>
    private static List<RawRow> ReadRows(WorkbookPart workbook, WorkbookSheet sheet, int maxRows, bool stopAtLimit)
    {
        if (sheet.RelationshipId is not { } relationship || !workbook.TryGetPartById(relationship, out var found) || found is not WorksheetPart part)
        {
            throw Invalid(Texts.Damaged); // a chart sheet, or a sheet whose part is missing
        }
        var rows = new List<RawRow>();
        var text = new CappedText();
        using var stream = new CountedStream(part.GetStream(FileMode.Open, FileAccess.Read), TemplateLimits.MaxSheetBytes,
            () => PartTooLarge(part.Uri, TemplateLimits.MaxSheetBytes));
        using (var xml = XmlReader.Create(stream, XmlSettings))
        {
            // Up to the rows: the root, then the sections before sheetData, each skipped whole.
            stream.Window(TemplateLimits.MaxSectionBytes, () => SectionTooLarge(part.Uri));
            xml.MoveToContent();
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && IsMain(xml) && xml.LocalName == "sheetData")
                {
                    ReadSheetData(xml, stream, text, part.Uri, sheet.Name ?? "", rows, maxRows, stopAtLimit);
                    break;
                }
                stream.Window(TemplateLimits.MaxSectionBytes, () => SectionTooLarge(part.Uri));
                if (xml.NodeType == XmlNodeType.Element)
                {
                    xml.Skip();
                }
                else
                {
                    xml.Read();
                }
            }
        }
        stream.Drain();
        return rows;
    }

    private static void ReadSheetData(XmlReader xml, CountedStream stream, CappedText text, Uri part, string sheetName, List<RawRow> rows, int maxRows, bool stopAtLimit)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }
        var depth = xml.Depth;
        var nextRow = 1;
        Action passing = () => stream.Window(TemplateLimits.MaxRowBytes, () => SectionTooLarge(part));
        xml.Read();
        while (NextChild(xml, depth, name => name == "row", "its rows", passing))
        {
            var attribute = xml.GetAttribute("r");
            int number;
            if (attribute is null)
            {
                number = nextRow;
            }
            else if (!int.TryParse(attribute, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > ExcelMaxRow)
            {
                throw Invalid(Texts.Damaged);
            }
            nextRow = number + 1;
            stream.Window(TemplateLimits.MaxRowBytes, () => RowTooLarge(number, sheetName));
            rows.Add(new RawRow(number, ReadRow(xml, text)));
            if (rows.Count >= maxRows && stopAtLimit)
            {
                return;
            }
            if (rows.Count > maxRows)
            {
                throw new ProblemException(400, "too_many_rows", Texts.TooManyRows.Format(TemplateLayout.MaxRows));
            }
        }
    }

    /// <summary>A row's cells in the template's columns; the reader ends past the row.</summary>
    private static RawCell[] ReadRow(XmlReader xml, CappedText text)
    {
        var cells = new RawCell[TemplateLayout.Columns.Length];
        Array.Fill(cells, RawCell.None);
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return cells;
        }
        var depth = xml.Depth;
        var position = 0;
        xml.Read();
        while (NextChild(xml, depth, name => name == "c", "a row"))
        {
            var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : position;
            position = column + 1;
            if (column >= 0 && column < cells.Length)
            {
                cells[column] = ReadCell(xml, text);
            }
            else
            {
                xml.Skip(); // right of the template's columns: never materialized
            }
        }
        xml.Read();
        return cells;
    }

    /// <summary>A cell's value, as the spreadsheet typed it; the reader ends past the cell.</summary>
    private static RawCell ReadCell(XmlReader xml, CappedText text)
    {
        var type = xml.GetAttribute("t");
        string? raw = null;
        string? inline = null;
        var tooLong = false;
        if (xml.IsEmptyElement)
        {
            xml.Read();
        }
        else
        {
            var depth = xml.Depth;
            xml.Read();
            while (NextChild(xml, depth, name => name is "v" or "is", "a cell")) // passing over a formula, extensions
            {
                var isValue = xml.LocalName == "v";
                text.Clear();
                ReadText(xml, text, leaf: isValue);
                tooLong |= text.TooLong;
                if (isValue)
                {
                    raw = text.ToString();
                }
                else
                {
                    inline = text.ToString();
                }
            }
            xml.Read();
        }

        if (type == "s")
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? new RawCell(index, default) : RawCell.None;
        }
        if (type == "inlineStr")
        {
            return new RawCell(-1, new SheetValue(inline, null, tooLong));
        }
        if (type is "str" or "b" or "d" or "e" || tooLong)
        {
            return new RawCell(-1, new SheetValue(raw, null, tooLong));
        }
        return new RawCell(-1, double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new SheetValue(null, number)
            : new SheetValue(raw, null));
    }

    /// <summary>
    /// Appends an element's text, cut at the cell limit, and moves past the element: its own text
    /// for a leaf (<c>v</c>, <c>t</c>), the text of its <c>t</c> descendants for rich text
    /// (<c>is</c>, <c>si</c>, <c>r</c>, <c>rPh</c>), as <c>InnerText</c> would.
    /// </summary>
    private static void ReadText(XmlReader xml, CappedText text, bool leaf)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.EOF)
            {
                throw new XmlException("The part ends inside a text.");
            }
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when leaf:
                    text.Append(xml);
                    xml.Read(); // past what was not read: the reader skips it without keeping it
                    break;
                case XmlNodeType.Element when IsMain(xml) && xml.LocalName is "t" or "r" or "rPh":
                    ReadText(xml, text, leaf: xml.LocalName == "t");
                    break;
                case XmlNodeType.Element:
                    xml.Skip();
                    break;
                default:
                    xml.Read();
                    break;
            }
        }
        xml.Read();
    }

    private static bool IsMain(XmlReader xml) => xml.NamespaceURI is Main or StrictMain;

    /// <summary>
    /// Moves to the next child of the element at <paramref name="depth"/> that is an element of the
    /// sheet's namespace named as <paramref name="wanted"/> says, and answers true; answers false on
    /// the parent's end tag. Whatever else comes first is passed over whole, <paramref name="passing"/>
    /// (a size window) running before each step. A part that ends before the end tag is damaged.
    /// </summary>
    private static bool NextChild(XmlReader xml, int depth, Func<string, bool> wanted, string endsInside, Action? passing = null)
    {
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.EOF)
            {
                throw new XmlException($"The sheet ends inside {endsInside}.");
            }
            if (xml.NodeType == XmlNodeType.Element && IsMain(xml) && wanted(xml.LocalName))
            {
                return true;
            }
            passing?.Invoke();
            if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }
        return false;
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
            if (index > 16_384)
            {
                return int.MaxValue; // past Excel's last column
            }
        }
        return index - 1;
    }

    /// <summary>
    /// The shared strings the template's cells use, each cut at the cell limit. The table is
    /// streamed up to the last index asked for; the first read inflates it to its end to count
    /// its size, and nothing else of it is kept.
    /// </summary>
    private sealed class SharedStrings(WorkbookPart workbook)
    {
        private readonly Dictionary<int, SheetValue> _items = [];
        private bool _sizeChecked;

        public SheetValue this[int index] => _items.GetValueOrDefault(index);

        public void Load(IEnumerable<RawCell> cells)
        {
            var wanted = cells.Where(c => c.SharedIndex >= 0 && !_items.ContainsKey(c.SharedIndex)).Select(c => c.SharedIndex).ToHashSet();
            if (wanted.Count == 0 || workbook.SharedStringTablePart is not { } part)
            {
                return;
            }
            var last = wanted.Max();
            var text = new CappedText();
            using var stream = new CountedStream(part.GetStream(FileMode.Open, FileAccess.Read), TemplateLimits.MaxSharedStringsBytes,
                () => PartTooLarge(part.Uri, TemplateLimits.MaxSharedStringsBytes));
            using (var xml = XmlReader.Create(stream, XmlSettings))
            {
                stream.Window(TemplateLimits.MaxSectionBytes, () => SectionTooLarge(part.Uri));
                xml.MoveToContent();
                var depth = xml.Depth;
                var index = 0;
                xml.Read();
                while (index <= last && !xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    stream.Window(TemplateLimits.MaxRowBytes, () => SectionTooLarge(part.Uri));
                    if (xml.NodeType != XmlNodeType.Element)
                    {
                        xml.Read();
                    }
                    else if (!IsMain(xml) || xml.LocalName != "si")
                    {
                        xml.Skip();
                    }
                    else if (wanted.Contains(index++))
                    {
                        text.Clear();
                        ReadText(xml, text, leaf: false);
                        _items[index - 1] = new SheetValue(text.ToString(), null, text.TooLong);
                    }
                    else
                    {
                        xml.Skip();
                    }
                }
            }
            if (!_sizeChecked)
            {
                stream.Drain();
                _sizeChecked = true;
            }
        }
    }

    /// <summary>Text read in chunks up to the cell limit; what is past it is noted, never kept.</summary>
    private sealed class CappedText
    {
        private readonly char[] _chunk = new char[1024];
        private readonly System.Text.StringBuilder _text = new();

        public bool TooLong { get; private set; }

        public void Clear()
        {
            _text.Clear();
            TooLong = false;
        }

        public void Append(XmlReader xml)
        {
            int read;
            while (!TooLong && (read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                var room = TemplateLimits.MaxCellCharacters - _text.Length;
                _text.Append(_chunk, 0, Math.Min(room, read));
                TooLong = read > room;
            }
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>
    /// A part's bytes as they inflate, counted: past the part's limit, or past the window set for
    /// the row or section being read, reading stops with the refusal.
    /// </summary>
    private sealed class CountedStream(Stream inner, long limit, Func<ProblemException> partTooLarge) : Stream
    {
        private long _read;
        private long _windowEnd = long.MaxValue;
        private Func<ProblemException>? _windowTooLarge;

        public void Window(long bytes, Func<ProblemException> tooLarge)
        {
            _windowEnd = _read + bytes;
            _windowTooLarge = tooLarge;
        }

        /// <summary>Inflates the rest of the part, only to count it.</summary>
        public void Drain()
        {
            _windowEnd = long.MaxValue;
            var buffer = new byte[81_920];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)]);
            _read += read;
            if (_read > limit)
            {
                throw partTooLarge();
            }
            if (_read > _windowEnd)
            {
                throw _windowTooLarge!();
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
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
            // The package reads its content types and every relationship part whole when it opens.
            foreach (var entry in zip.Entries.Where(e => e.FullName == "[Content_Types].xml" || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                var uri = new Uri("/" + entry.FullName, UriKind.Relative);
                using var stream = new CountedStream(entry.Open(), TemplateLimits.MaxPackageXmlBytes,
                    () => PartTooLarge(uri, TemplateLimits.MaxPackageXmlBytes));
                stream.Drain();
            }
        }
        catch (InvalidDataException)
        {
            throw Invalid(Texts.NotXlsx);
        }
        file.Position = 0;
    }

    private static ProblemException PartTooLarge(Uri part, long limit) =>
        Invalid(Texts.PartTooLarge.Format(part.OriginalString, limit / (1024 * 1024), TemplateLayout.MaxRows));

    private static ProblemException SectionTooLarge(Uri part) => Invalid(Texts.SectionTooLarge.Format(part.OriginalString));

    private static ProblemException RowTooLarge(int row, string sheet) =>
        Invalid(Texts.RowTooLarge.Format(row, sheet, TemplateLimits.MaxRowBytes / 1024));

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
        public static readonly LocalizedText PartTooLarge = new(
            "Phần {0} của tệp giải nén ra hơn {1} MB, vượt xa mọi danh sách {2} dòng; hệ thống từ chối xử lý.",
            "The part {0} of the file inflates to more than {1} MB, far beyond any list of {2} rows; the file is refused.");
        public static readonly LocalizedText SectionTooLarge = new(
            "Phần {0} của tệp chứa một mục giải nén ra quá lớn, nhiều hơn mọi ô hay mục mà Excel có thể lưu; hệ thống từ chối xử lý.",
            "The part {0} of the file holds an item that inflates beyond anything Excel stores in a cell or section; the file is refused.");
        public static readonly LocalizedText RowTooLarge = new(
            "Dòng {0} của trang \"{1}\" giải nén ra hơn {2} KB, quá nhiều so với 9 cột A–I của mẫu; hãy xóa các ô thừa bên phải cột I và các ô quá dài, rồi lưu lại.",
            "Row {0} of the sheet \"{1}\" inflates to more than {2} KB, far more than the template's 9 columns A–I hold; delete the extra cells right of column I and any overlong cell, then save again.");
        public static readonly LocalizedText TooManyRows = new(
            "Danh sách có quá {0} dòng; hãy chia thành nhiều tệp.", "The list has more than {0} rows; split it into several files.");
    }
}
