using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using QRCoder;

namespace TravelPermits.Permits.Qr;

/// <summary>
/// The URL in the QR code: <c>{PublicBaseUrl}/V/{token}</c> with the scheme, the host and
/// <c>/V/{token}</c> upper-cased, so that the URL is in the QR alphanumeric set and fits version
/// 10 at error correction M (ADR 8, docs/qr-format.md). A path in PublicBaseUrl is kept as
/// written: paths are case-sensitive (a proxy may route by one); one with lower-case letters puts
/// the QR code in byte mode.
/// </summary>
internal sealed class QrLinks(IOptions<QrOptions> options)
{
    private readonly string? _configured = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.Trim();

    public string UrlFor(string token, HttpRequest request)
    {
        var baseUrl = _configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{UpperSchemeAndHost(baseUrl.TrimEnd('/'))}/V/{token.ToUpperInvariant()}";
    }

    /// <summary>Upper-cases what is case-insensitive by definition (RFC 3986, 3.1 and 3.2.2): the scheme and the host.</summary>
    internal static string UpperSchemeAndHost(string baseUrl)
    {
        var scheme = baseUrl.IndexOf("://", StringComparison.Ordinal);
        var path = baseUrl.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
        return path < 0 ? baseUrl.ToUpperInvariant() : string.Concat(baseUrl[..path].ToUpperInvariant(), baseUrl.AsSpan(path));
    }

    public static byte[] Png(string url, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, [0, 0, 0, 255], [255, 255, 255, 255]);
    }

    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public static int Version(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.Version;
    }
}
