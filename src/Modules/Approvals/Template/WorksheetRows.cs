using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using static TravelPermits.Approvals.Template.SheetXml;
using static TravelPermits.Approvals.Template.TemplateTexts;

namespace TravelPermits.Approvals.Template;

/// <summary>A cell as read from the sheet: a shared string's index (resolved later), or its value.</summary>
internal readonly record struct RawCell(int SharedIndex, SheetValue Value)
{
    public static readonly RawCell None = new(-1, default);
}

internal sealed record RawRow(int Row, RawCell[] Cells);

/// <summary>
/// Streams a worksheet's rows node by node, keeping the cells of the template's columns only (the
/// cells right of them are skipped unread), each cell's text cut at its limit, and every row and
/// section held to its size window as it inflates.
/// </summary>
internal static class WorksheetRows
{
    private const int ExcelMaxRow = 1_048_576;

    /// <summary>
    /// The sheet's rows, a row past <paramref name="maxRows"/> being <c>too_many_rows</c>, or where
    /// reading stops when <paramref name="stopAtLimit"/>. The part is then inflated to its end to count its size.
    /// </summary>
    public static List<RawRow> Read(WorkbookPart workbook, WorkbookSheet sheet, int maxRows, bool stopAtLimit)
    {
        if (sheet.RelationshipId is not { } relationship || !workbook.TryGetPartById(relationship, out var found) || found is not WorksheetPart part)
        {
            throw Invalid(Texts.Damaged); // a chart sheet, or a sheet whose part is missing
        }
        var rows = new List<RawRow>();
        var text = new CappedText();
        using var stream = new CountedStream(part.GetStream(FileMode.Open, FileAccess.Read), TemplateLimits.MaxSheetBytes,
            () => PartTooLarge(part.Uri, TemplateLimits.MaxSheetBytes));
        using (var xml = XmlReader.Create(stream, Settings))
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
                throw TooManyRows();
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
}
