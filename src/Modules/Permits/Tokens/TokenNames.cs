using System.Globalization;
using System.Text;

namespace TravelPermits.Permits.Tokens;

/// <summary>
/// The holder's name as the token carries it. A name may have 100 characters; in the token it
/// has at most <see cref="Budget"/> UTF-8 bytes, so that the QR code stays within version 10 at
/// error correction M (docs/qr-format.md). Only the token is shortened: the database, online
/// verification and the printed sheet keep the full name.
/// </summary>
internal static class TokenNames
{
    /// <summary>
    /// The most UTF-8 bytes of the name in the token. The token is then at most 165 bytes, 264
    /// base32 characters, and a URL prefix (<c>{PublicBaseUrl}/V/</c>) of up to 47 characters
    /// keeps the upper-cased URL within the 311 alphanumeric characters of version 10-M
    /// (<c>HTTPS://GIAYDIDUONG.DANANG.GOV.VN/V/</c> has 36).
    /// </summary>
    public const int Budget = 40;

    private const string Ellipsis = "…";

    /// <summary>
    /// The name unchanged when it fits the budget; else the family name and the given name (the
    /// first and last words) with each middle name as its initial and a dot; and if that is still
    /// too long, cut at a character boundary and ended with "…".
    /// </summary>
    public static string For(string fullName)
    {
        if (Encoding.UTF8.GetByteCount(fullName) <= Budget)
        {
            return fullName;
        }
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = words.Length > 2
            ? string.Join(' ', [words[0], .. words[1..^1].Select(w => FirstCharacter(w) + "."), words[^1]])
            : string.Join(' ', words);
        if (Encoding.UTF8.GetByteCount(name) <= Budget)
        {
            return name;
        }
        var room = Budget - Encoding.UTF8.GetByteCount(Ellipsis);
        int length = 0, bytes = 0;
        while (length < name.Length)
        {
            // A character as a reader sees it: a letter with its combining marks, or a surrogate pair.
            var next = StringInfo.GetNextTextElementLength(name, length);
            var size = Encoding.UTF8.GetByteCount(name.AsSpan(length, next));
            if (bytes + size > room)
            {
                break;
            }
            bytes += size;
            length += next;
        }
        return string.Concat(name.AsSpan(0, length).TrimEnd(' '), Ellipsis);
    }

    private static string FirstCharacter(string word) => word[..StringInfo.GetNextTextElementLength(word)];
}
