using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.SharedKernel.Text;

/// <summary>
/// A search box's words: a row matches when its folded search key holds every word, in any order
/// ("cong ty thep" finds "Công ty Cổ phần Thép Đà Nẵng"). At most <see cref="Max"/> words, so that
/// a query cannot grow into an unbounded chain of <c>LIKE</c>s.
/// </summary>
public static class SearchWords
{
    public const int Max = 10;

    private static readonly LocalizedText TooMany = new(
        "Từ khóa tìm kiếm có tối đa {0} từ.", "A search takes at most {0} words.");

    /// <summary>One <c>LIKE</c> pattern (escaped with <c>\</c>) per distinct word; more than <see cref="Max"/> is a 400 on <c>q</c>.</summary>
    public static IReadOnlyList<string> Patterns(string query)
    {
        var words = VietnameseText.WordPatterns(query);
        return words.Count > Max ? throw ProblemException.Invalid("q", TooMany.Format(Max)) : words;
    }
}
