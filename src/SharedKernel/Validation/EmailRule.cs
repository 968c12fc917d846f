using FluentValidation;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Validation;

/// <summary>
/// An email address as mail servers take it in practice, and as an account's user name can hold
/// it: <c>local@domain</c> with one <c>@</c>; a local part of letters, digits and <c>. _ - +</c>
/// (no dot first, last or twice in a row); a domain of dot-separated labels of letters, digits and
/// inner hyphens, ending in an alphabetic top-level domain (or its <c>xn--</c> form). At most 64
/// characters before the <c>@</c>, 63 per label and 254 in all. White space around the address is
/// ignored (every module trims it); inside it, as commas, semicolons, quotes or brackets, is not.
/// </summary>
public static class EmailRule
{
    public const int MaxLength = 254;
    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;

    public static readonly LocalizedText Invalid = new("Địa chỉ email không hợp lệ.", "The email address is not valid.");

    /// <summary>Checks the address; null or empty is left to <c>NotEmpty()</c>.</summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => string.IsNullOrEmpty(email) || IsValid(email)).WithMessage(_ => Invalid.Resolve());

    public static bool IsValid(string email)
    {
        var address = email.Trim();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (address.Length > MaxLength || at <= 0 || at != address.LastIndexOf('@'))
        {
            return false;
        }
        var local = address[..at];
        var domain = address[(at + 1)..];
        return local.Length <= MaxLocalLength && IsLocalPart(local) && IsDomain(domain);
    }

    private static bool IsLocalPart(string local) =>
        local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+');

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2 || !labels.All(IsLabel))
        {
            return false;
        }
        var tld = labels[^1];
        return tld.Length >= 2 && (tld.All(char.IsAsciiLetter) || tld.StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
