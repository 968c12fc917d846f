using System.Buffers.Text;
using System.Text;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.SharedKernel.Paging;

/// <summary>A page of a list: <c>{ items, nextCursor }</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Paging parameters of the contract: <c>?limit=</c> (default 50, max 500) and an opaque <c>?cursor=</c>.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private static readonly LocalizedText InvalidLimit = new(
        "limit phải từ 1 đến 500.", "limit must be between 1 and 500.");

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw ProblemException.Invalid("limit", InvalidLimit),
        _ => limit.Value,
    };

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    /// <summary>
    /// The position a cursor names, or null without one; a cursor that was not ours is a 400 naming
    /// <paramref name="field"/> (the query parameter it came in).
    /// </summary>
    public static string? Decode(string? cursor, string field = "cursor")
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw ProblemException.Invalid(field, CommonTexts.InvalidCursor);
        }
    }

    public static long? DecodeLong(string? cursor, string field = "cursor") =>
        Decode(cursor, field) is { } text
            ? long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw ProblemException.Invalid(field, CommonTexts.InvalidCursor)
            : null;

    public static Guid? DecodeGuid(string? cursor) =>
        Decode(cursor) is { } text
            ? Guid.TryParse(text, out var value) ? value : throw ProblemException.Invalid("cursor", CommonTexts.InvalidCursor)
            : null;

    /// <summary>Builds the page from <paramref name="limit"/> + 1 fetched rows: the extra row only says there is more.</summary>
    public static CursorPage<T> Page<T>(IReadOnlyList<T> fetched, int limit, Func<T, string> position)
    {
        if (fetched.Count <= limit)
        {
            return new CursorPage<T>(fetched, null);
        }
        var items = fetched.Take(limit).ToList();
        return new CursorPage<T>(items, Encode(position(items[^1])));
    }
}
