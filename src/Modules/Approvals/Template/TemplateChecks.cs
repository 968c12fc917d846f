using System.Globalization;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Text;
using static TravelPermits.Approvals.Template.TemplateTexts;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// What makes a workbook this system's template (<see cref="TemplateLayout"/>): the marker sheet
/// and its version, the data sheet, its column headers, and no more rows than a list may hold.
/// </summary>
internal static class TemplateChecks
{
    /// <summary>Row 1 of the marker sheet names the template, row 2 its version.</summary>
    public static void Marker(SheetRow? name, SheetRow? versionRow)
    {
        if (name?.Cells[0].Text?.Trim() != TemplateLayout.Marker)
        {
            throw Invalid(Texts.NotOurTemplate);
        }
        var version = versionRow?.Cells[0] is { } v
            ? v.Number ?? (double.TryParse(v.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0)
            : 0;
        if ((int)version != TemplateLayout.Version)
        {
            throw Invalid(Texts.WrongVersion.Format(version.ToString(CultureInfo.InvariantCulture), TemplateLayout.Version));
        }
    }

    /// <summary>The sheet the list is on; the refusal names the sheets the file has instead.</summary>
    public static WorkbookSheet DataSheet(IReadOnlyList<WorkbookSheet> sheets) =>
        sheets.FirstOrDefault(s => s.Name == TemplateLayout.DataSheet)
        ?? throw Invalid(Texts.MissingSheet.Format(TemplateLayout.DataSheet,
            string.Join(", ", sheets.Select(s => s.Name).Where(n => n != TemplateLayout.MarkerSheet))));

    /// <summary>Every column's header as the template has it (case and Unicode form aside); the refusal lists each one changed.</summary>
    public static void Headers(SheetRow? header)
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

    /// <summary>The list's rows: those under the header with anything in them, at most <see cref="TemplateLayout.MaxRows"/>.</summary>
    public static List<SheetRow> Content(IEnumerable<SheetRow> rows)
    {
        var content = rows.Where(r => r.Row > 1 && !r.Cells.All(c => c.IsEmpty)).ToList();
        return content.Count > TemplateLayout.MaxRows ? throw TooManyRows() : content;
    }
}
