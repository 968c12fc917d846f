using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using static TravelPermits.Approvals.Template.SheetXml;
using static TravelPermits.Approvals.Template.TemplateTexts;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// The shared strings the template's cells use, each cut at the cell limit. The table is
/// streamed up to the last index asked for; the first read inflates it to its end to count
/// its size, and nothing else of it is kept.
/// </summary>
internal sealed class SharedStrings(WorkbookPart workbook)
{
    private readonly Dictionary<int, SheetValue> _items = [];
    private bool _sizeChecked;

    public SheetValue this[int index] => _items.GetValueOrDefault(index);

    /// <summary>The row with its shared strings in place.</summary>
    public SheetRow? Resolve(RawRow? row) =>
        row is null ? null : new SheetRow(row.Row, row.Cells.Select(c => c.SharedIndex >= 0 ? this[c.SharedIndex] : c.Value).ToArray());

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
        using (var xml = XmlReader.Create(stream, Settings))
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
