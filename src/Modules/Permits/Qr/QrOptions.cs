namespace TravelPermits.Permits.Qr;

/// <summary>Where the QR codes point, section <c>Permits</c>.</summary>
internal sealed class QrOptions
{
    public const string Section = "Permits";

    /// <summary>The base of the URL in each QR code; empty for the base URL of the request that asks for it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Why the settings cannot be used, naming the key; null when they can.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0)
            ? null
            : $"{Section}:PublicBaseUrl must be an absolute http or https URL without a query or fragment (or empty); it is '{PublicBaseUrl}'.";
}
