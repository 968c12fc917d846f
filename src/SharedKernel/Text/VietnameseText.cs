using System.Globalization;
using System.Text;

namespace TravelPermits.SharedKernel.Text;

public static class VietnameseText
{
    /// <summary>Unicode NFC, trimmed, runs of white space folded to one space; letters and case as written.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A search key: lower case, without diacritics (đ becomes d), spaces folded; the same for
    /// composed and decomposed input.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = Normalize(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A LIKE pattern (escape character <c>\</c>) matching search keys that contain the folded query.</summary>
    public static string ContainsPattern(string query) =>
        "%" + Fold(query).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// One <see cref="ContainsPattern"/> for each distinct word of the folded query: a search key
    /// matches the query when it matches them all, the words in any order and anywhere.
    /// </summary>
    public static IReadOnlyList<string> WordPatterns(string query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Select(ContainsPattern).ToList();
}
