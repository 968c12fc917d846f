using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TravelPermits.TestSupport;

/// <summary>A person as a clerk would type them into the template.</summary>
public sealed record PersonRow(
    string FullName, string IdNumber, DateOnly DateOfBirth, string Gender, string? Phone, string? Position, string Residence, string? Workplace);

/// <summary>Fills the downloaded template as spreadsheet programs store cells.</summary>
public static class Workbooks
{
    /// <summary>How the cells are written: Excel writes shared strings; dates as serial numbers or typed text.</summary>
    public sealed record Style(bool SharedStrings = true, bool DatesAsSerials = true, bool IdsAsNumbers = false, int TrailingBlankRows = 3);

    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    /// <summary>A valid person: a Đà Nẵng CCCD whose century, gender and year digits match.</summary>
    public static PersonRow Person(int index, string? fullName = null)
    {
        var female = index % 2 == 1;
        var birth = new DateOnly(1960 + (index % 45), 1 + (index % 12), 1 + (index % 28));
        var centuryDigit = ((birth.Year / 100) - 19) * 2 + (female ? 1 : 0);
        var serial = Interlocked.Increment(ref _sequence) % 1_000_000;
        var id = $"048{centuryDigit}{birth.Year % 100:D2}{serial:D6}";
        return new PersonRow(fullName ?? (female ? $"Trần Thị Hồng {Suffix(index)}" : $"Nguyễn Văn Đức {Suffix(index)}"), id, birth,
            female ? "Nữ" : "Nam", "0905123456", "Công nhân", "Phường Thanh Bình, Quận Hải Châu", "12 Bạch Đằng, Hải Châu");
    }

    public static object?[] Cells(PersonRow p, Style style) =>
    [
        p.FullName,
        style.IdsAsNumbers ? double.Parse(p.IdNumber, CultureInfo.InvariantCulture) : p.IdNumber,
        style.DatesAsSerials ? p.DateOfBirth.ToDateTime(TimeOnly.MinValue).ToOADate() : p.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        p.Gender, p.Phone, p.Position, p.Residence, p.Workplace,
    ];

    public static byte[] Fill(byte[] template, IEnumerable<PersonRow> people, Style? style = null)
    {
        style ??= new Style();
        return FillCells(template, people.Select(p => Cells(p, style)), style);
    }

    /// <summary>Writes raw cells (string, number, null) from row 2 of the data sheet.</summary>
    public static byte[] FillCells(byte[] template, IEnumerable<object?[]> rows, Style? style = null, string sheetName = "Danh sách")
    {
        style ??= new Style();
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheetName);
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var strings = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable ??= new SharedStringTable();
            var index = new Dictionary<string, int>();
            uint rowNumber = 2;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = rowNumber };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{rowNumber}";
                    switch (values[c])
                    {
                        case null:
                            break;
                        case string text when style.SharedStrings:
                            if (!index.TryGetValue(text, out var i))
                            {
                                i = index.Count;
                                index[text] = i;
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i) });
                            break;
                        case string text:
                            row.Append(new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString });
                            break;
                        case double number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                        default:
                            throw new ArgumentException($"cell {reference}: {values[c]!.GetType()}");
                    }
                }
                data.Append(row);
                rowNumber++;
            }
            for (var i = 0; i < style.TrailingBlankRows; i++)
            {
                data.Append(new Row { RowIndex = rowNumber++ });
            }
            strings.SharedStringTable.Count = (uint)index.Count;
            strings.SharedStringTable.UniqueCount = (uint)index.Count;
        }
        return stream.ToArray();
    }

    /// <summary>Overwrites a header cell of the data sheet (another of a clerk's mistakes).</summary>
    public static byte[] SetHeader(byte[] workbook, string reference, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Danh sách");
            var cell = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().First(c => c.CellReference == reference);
            cell.RemoveAllChildren();
            cell.DataType = CellValues.InlineString;
            cell.Append(new InlineString(new Text(text)));
        }
        return stream.ToArray();
    }

    /// <summary>Renames a sheet (a clerk's mistake the upload must catch).</summary>
    public static byte[] RenameSheet(byte[] workbook, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == from).Name = to;
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Rewrites one part of a workbook as raw XML, for files no spreadsheet program writes (a zip
    /// bomb): <paramref name="write"/> gets the part's XML and writes the new one.
    /// </summary>
    public static byte[] RewritePart(byte[] workbook, Func<WorkbookPart, OpenXmlPart> part, Action<string, TextWriter> write)
    {
        string path;
        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            path = part(document.WorkbookPart!).Uri.OriginalString.TrimStart('/');
        }
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.GetEntry(path)!;
            string xml;
            using (var reader = new StreamReader(old.Open()))
            {
                xml = reader.ReadToEnd();
            }
            old.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            write(xml, writer);
        }
        return stream.ToArray();
    }

    /// <summary>The data sheet's part.</summary>
    public static OpenXmlPart DataSheet(WorkbookPart workbook) =>
        workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Danh sách").Id!);

    /// <summary>A column's letters: 0 is A, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }
        return name;
    }

    private static string Suffix(int index)
    {
        const string letters = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY";
        var text = "";
        do
        {
            text = letters[index % letters.Length] + text.ToLowerInvariant();
            index /= letters.Length;
        }
        while (index > 0);
        return text;
    }
}
