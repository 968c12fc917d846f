namespace TravelPermits.Permits.Tokens;

/// <summary>
/// RFC 4648 base32 without padding: upper-case letters and 2-7, URL-safe and inside the QR
/// code's alphanumeric set. Decoding accepts lower case (a browser may lower the path) and
/// refuses anything else.
/// </summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }
        return new string(chars, 0, index);
    }

    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Length == 0 || text.Length > 1024 || (text.Length * 5 % 8) >= 5)
        {
            return false;
        }
        var bytes = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            return false; // non-zero padding bits: not what Encode writes
        }
        data = bytes;
        return true;
    }
}
