namespace TravelPermits.Enterprises.Validation;

/// <summary>
/// Vietnamese tax codes (mã số thuế): 10 digits, or 10 digits, a dash and 3 for a branch. The
/// tenth digit is a check digit over the first nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3).
/// </summary>
internal static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>The canonical form (<c>0123456789</c> or <c>0123456789-001</c>), or null when the code is not valid.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }
        var digits = new string(input.Where(c => c is not (' ' or '.' or '-')).ToArray());
        if (digits.Length is not (10 or 13) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var main = digits[..10];
        if (main[2..9] == "0000000" || (digits.Length == 13 && digits[10..] == "000") || !CheckDigitHolds(main))
        {
            return null;
        }
        return digits.Length == 10 ? main : $"{main}-{digits[10..]}";
    }

    private static bool CheckDigitHolds(string main)
    {
        var total = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            total += Weights[i] * (main[i] - '0');
        }
        var check = 10 - (total % 11);
        return check < 10 && main[9] - '0' == check;
    }
}
