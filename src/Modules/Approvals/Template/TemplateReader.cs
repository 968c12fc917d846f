using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using static TravelPermits.Approvals.Template.TemplateTexts;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// Reads an uploaded template the way Excel and LibreOffice write it, and refuses anything that
/// is not this system's template (400 <c>invalid_template</c>, saying what is wrong). Reading is
/// bounded (<see cref="TemplateLimits"/>): the package's declared sizes are capped
/// (<see cref="PackageGuard"/>), every part read is counted as it inflates and refused past its
/// limit (<see cref="CountedStream"/>), rows and shared strings are streamed node by node with each
/// cell's text cut at its limit (<see cref="WorksheetRows"/>, <see cref="SharedStrings"/>), and only
/// the shared strings the template's cells use are kept, read after the marker sheet said the file
/// is the template (<see cref="TemplateChecks"/>).
/// </summary>
internal static class TemplateReader
{
    public static SheetContent Read(Stream file)
    {
        PackageGuard.Check(file);
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
        var (sheets, date1904) = WorkbookSheets.Read(workbook);
        var strings = new SharedStrings(workbook);

        // The marker first: a file that is not the template costs no more than its marker sheet
        // (and, when that sheet's cells are shared strings, the strings up to the marker's). Then
        // the headers, and only then the rest of the strings the rows use.
        var marker = sheets.FirstOrDefault(s => s.Name == TemplateLayout.MarkerSheet);
        var markerRows = marker is null ? [] : WorksheetRows.Read(workbook, marker, 3, stopAtLimit: true);
        strings.Load(markerRows.Where(r => r.Row is 1 or 2).Select(r => r.Cells[0]));
        TemplateChecks.Marker(strings.Resolve(markerRows.FirstOrDefault(r => r.Row == 1)), strings.Resolve(markerRows.FirstOrDefault(r => r.Row == 2)));

        var data = TemplateChecks.DataSheet(sheets);
        var raw = WorksheetRows.Read(workbook, data, TemplateLayout.MaxRows + 2, stopAtLimit: false);
        var header = raw.FirstOrDefault(r => r.Row == 1);
        strings.Load(header?.Cells ?? []);
        TemplateChecks.Headers(strings.Resolve(header));
        strings.Load(raw.SelectMany(r => r.Cells));
        return new SheetContent(TemplateChecks.Content(raw.Select(r => strings.Resolve(r)!)), date1904);
    }
}
