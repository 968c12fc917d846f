namespace TravelPermits.SharedKernel.Text;

/// <summary>
/// Vietnamese phone numbers, mobile (03x, 05x, 07x, 08x, 09x + 7 digits) or landline (02xx + 7
/// or 8 digits), written with or without +84/84, spaces, dots, dashes or brackets.
/// </summary>
public static class VietnamesePhone
{
    /// <summary>The national form (<c>0905123456</c>, <c>02363822123</c>), or null when it is not a Vietnamese number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var trimmed = input.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new string(trimmed.Where(c => c is not (' ' or '.' or '-' or '(' or ')' or '+')).ToArray());
        if (!digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        if (digits.StartsWith("84", StringComparison.Ordinal) && (international || digits.Length >= 11))
        {
            digits = "0" + digits[2..];
        }
        else if (international)
        {
            return null;
        }
        var mobile = digits.Length == 10 && digits[0] == '0' && digits[1] is '3' or '5' or '7' or '8' or '9';
        var landline = digits.Length == 11 && digits.StartsWith("02", StringComparison.Ordinal);
        return mobile || landline ? digits : null;
    }
}
