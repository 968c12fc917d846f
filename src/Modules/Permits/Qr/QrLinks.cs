using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using QRCoder;

namespace TravelPermits.Permits.Qr;

/// <summary>
/// The URL in the QR code: <c>{PublicBaseUrl}/V/{token}</c> upper-cased, so that the whole URL
/// is in the QR alphanumeric set and fits version 10 at error correction M (ADR 8).
/// </summary>
internal sealed class QrLinks(IConfiguration configuration)
{
    public string UrlFor(string token, HttpRequest request)
    {
        var configured = configuration["Permits:PublicBaseUrl"];
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured;
        return $"{baseUrl.TrimEnd('/')}/V/{token}".ToUpperInvariant();
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
