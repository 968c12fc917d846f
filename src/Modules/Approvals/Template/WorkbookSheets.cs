using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using static TravelPermits.Approvals.Template.SheetXml;

namespace TravelPermits.Approvals.Template;

internal sealed record WorkbookSheet(string? Name, string? RelationshipId);

/// <summary>The sheets' names and parts, and the date system, streamed from <c>xl/workbook.xml</c>.</summary>
internal static class WorkbookSheets
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    public static (List<WorkbookSheet> Sheets, bool Date1904) Read(WorkbookPart workbook)
    {
        var sheets = new List<WorkbookSheet>();
        var date1904 = false;
        var seenProperties = false;
        using var stream = new CountedStream(workbook.GetStream(FileMode.Open, FileAccess.Read), TemplateLimits.MaxWorkbookBytes,
            () => TemplateTexts.PartTooLarge(workbook.Uri, TemplateLimits.MaxWorkbookBytes));
        using (var xml = XmlReader.Create(stream, Settings))
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
}
