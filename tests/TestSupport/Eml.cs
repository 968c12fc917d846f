using System.Text;
using System.Text.RegularExpressions;

namespace TravelPermits.TestSupport;

/// <summary>Reads an .eml file from the pickup directory (or a message an SMTP server took) as a mail client would show it.</summary>
public sealed partial record Eml(string To, string Subject, string Body)
{
    /// <summary>The Message-ID header, with its angle brackets.</summary>
    public string? MessageId { get; init; }

    public static Eml Read(string path) => Parse(File.ReadAllText(path));

    public static Eml Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = UnfoldHeaders().Replace(text[..split], " ");
        var headers = headerText.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var rawBody = text[(split + 4)..];
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToLowerInvariant();
        var body = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(rawBody.Replace("\r\n", "", StringComparison.Ordinal))),
            "quoted-printable" => DecodeQuotedPrintable(rawBody),
            _ => rawBody,
        };
        return new Eml(headers.GetValueOrDefault("To", ""), DecodeWords(headers.GetValueOrDefault("Subject", "")), body.TrimEnd())
        {
            MessageId = headers.GetValueOrDefault("Message-ID"),
        };
    }

    public static IReadOnlyList<Eml> ReadAll(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Select(Read).ToList() : [];

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), m =>
            m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    private static string DecodeQuotedPrintable(string value)
    {
        var joined = value.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length)
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex UnfoldHeaders();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
