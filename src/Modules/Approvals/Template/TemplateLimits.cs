namespace TravelPermits.Approvals.Template;

/// <summary>
/// How much an uploaded template may hold, derived from what a filled template can legitimately
/// contain, so that a small file which inflates to far more (a zip bomb) is refused while it is
/// being read, before it costs memory. Sizes are bytes counted as the parts come out of the zip,
/// never the sizes the zip declares.
/// </summary>
/// <remarks>
/// The figures, for the template of <see cref="TemplateLayout.MaxRows"/> (20,000) rows of nine
/// columns:
/// <list type="bullet">
/// <item>A cell of the nine columns holds at most <see cref="MaxCellCharacters"/> (500) characters,
/// more than any field the system stores (names and positions 100, addresses 300); a longer cell is
/// a row error naming its row and column.</item>
/// <item>The most text a row the system can accept holds is <see cref="MaxRowCharacters"/> (1,350):
/// a name and a position of 100 characters, a residence and a workplace of 300, an ID number, a date,
/// a gender and a phone number of 50 together, and a note (column I, not stored) of 500.</item>
/// <item>In UTF-8 such text takes about 1.5 bytes a character (Vietnamese letters with diacritics
/// take 2 or 3 bytes, the spaces, digits and plain letters around them 1).</item>
/// </list>
/// Every row at its maximum with every cell distinct is far beyond a real list: the tests' list of
/// 20,000 people re-saved by LibreOffice Calc has 2.2 MB of shared strings and 8.7 MB of sheet XML,
/// a twentieth and a seventh of the limits.
/// </remarks>
internal static class TemplateLimits
{
    /// <summary>The longest text of a cell in the template's columns; a longer cell is a row error.</summary>
    public const int MaxCellCharacters = 500;

    /// <summary>The most text of a row the system can accept (see the remarks).</summary>
    public const int MaxRowCharacters = 100 + 100 + 300 + 300 + 50 + MaxCellCharacters;

    private const long MiB = 1024 * 1024;
    private const long Rows = TemplateLayout.MaxRows + 1; // with the header row
    private const int TextBytesPerRow = MaxRowCharacters * 3 / 2;

    /// <summary>
    /// The shared strings (<c>xl/sharedStrings.xml</c>): every row's text at its maximum, each of its
    /// nine cells a distinct string with its markup (<c>&lt;si&gt;&lt;t xml:space="preserve"&gt;</c>, 40 bytes):
    /// 20,001 × (2,025 + 360) bytes, rounded up to 46 MiB.
    /// </summary>
    public const long MaxSharedStringsBytes = (((Rows * (TextBytesPerRow + (9 * 40))) / MiB) + 1) * MiB;

    /// <summary>
    /// A worksheet part: every row's text at its maximum written inline, with 100 bytes of markup a
    /// cell (<c>&lt;c r="I20001" s="12" t="inlineStr"&gt;&lt;is&gt;&lt;t&gt;</c>) and 150 a row (LibreOffice's
    /// row attributes): 20,001 × (2,025 + 900 + 150) bytes, rounded up to 59 MiB, and 4 MiB for the
    /// column widths, validations and formats around the rows: 63 MiB.
    /// </summary>
    public const long MaxSheetBytes = ((((Rows * (TextBytesPerRow + (9 * 100) + 150)) / MiB) + 1) * MiB) + MaxSectionBytes;

    /// <summary>
    /// One row of a worksheet, or one shared string: the nine cells at their maximum in 3-byte
    /// characters take 13.5 KB, and a single Excel cell can hold at most 32,767 characters (96 KiB);
    /// with markup and some empty formatted cells right of column I, 128 KiB.
    /// </summary>
    public const int MaxRowBytes = 128 * 1024;

    /// <summary>One section of a worksheet before its rows (column widths, views): 16,384 columns of 60 bytes is 1 MB.</summary>
    public const int MaxSectionBytes = 4 * 1024 * 1024;

    /// <summary>The workbook part (<c>xl/workbook.xml</c>): sheet names and defined names, a few kilobytes in practice.</summary>
    public const long MaxWorkbookBytes = 4 * MiB;

    /// <summary><c>[Content_Types].xml</c> and each relationship part, which the package reads whole when it opens.</summary>
    public const long MaxPackageXmlBytes = 4 * MiB;
}
