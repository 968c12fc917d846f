using System.Globalization;
using PdfSharp.Drawing;

namespace TravelPermits.Permits.Print;

/// <summary>
/// A text wrapped to a width at the largest font size whose lines fit a height, so that it is
/// printed whole: PDFsharp's <c>XTextFormatter</c> silently drops the lines that do not fit its
/// rectangle, and a police officer compares the printed name with the ID card.
/// </summary>
internal sealed class FittedText
{
    private const double Step = 0.5;

    private FittedText(List<string> lines, XFont font)
    {
        Lines = lines;
        Font = font;
        LineHeight = font.GetHeight();
    }

    public IReadOnlyList<string> Lines { get; }

    public XFont Font { get; }

    public double LineHeight { get; }

    public double Height => Lines.Count * LineHeight;

    /// <summary>
    /// Wraps <paramref name="text"/> at sizes from <paramref name="largest"/> down to <paramref name="smallest"/>
    /// and takes the first whose lines fit <paramref name="maxHeight"/>; past the smallest it takes the smallest
    /// size with as many lines as the text needs, since cutting the text is never the answer.
    /// </summary>
    public static FittedText Fit(XGraphics g, string text, Func<double, XFont> font, double width, double maxHeight, double largest, double smallest)
    {
        for (var size = largest; ; size -= Step)
        {
            var candidate = font(size);
            var fitted = new FittedText(Wrap(text, line => g.MeasureString(line, candidate).Width, width), candidate);
            if (fitted.Height <= maxHeight || size - Step < smallest)
            {
                return fitted;
            }
        }
    }

    public void Draw(XGraphics g, XBrush brush, double x, double y, double width)
    {
        foreach (var line in Lines)
        {
            g.DrawString(line, Font, brush, new XRect(x, y, width, LineHeight), XStringFormats.TopLeft);
            y += LineHeight;
        }
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: between words, and inside
    /// a word only when the word alone is wider than a line (then between letters, never between a letter
    /// and its accent).
    /// </summary>
    internal static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (measure(joined) <= width)
            {
                line = joined;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            line = "";
            if (measure(word) <= width)
            {
                line = word;
                continue;
            }
            var letters = StringInfo.GetTextElementEnumerator(word);
            while (letters.MoveNext())
            {
                var longer = line + letters.GetTextElement();
                if (line.Length > 0 && measure(longer) > width)
                {
                    lines.Add(line);
                    longer = letters.GetTextElement();
                }
                line = longer;
            }
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}
