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

/// <summary>The list's rows (the header row and empty rows left out) and the workbook's date system.</summary>
internal sealed record SheetContent(IReadOnlyList<SheetRow> Rows, bool Date1904);
