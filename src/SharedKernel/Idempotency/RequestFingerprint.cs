using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TravelPermits.SharedKernel.Idempotency;

/// <summary>
/// What a retry must repeat for its <c>Idempotency-Key</c> to be honoured: the raw body, except
/// for multipart/form-data, whose boundary is chosen at random by each client run (two runs of
/// the same curl differ only there). A form is fingerprinted by its parts in order: name, file
/// name and content type (normalized) and the SHA-256 of the content.
/// </summary>
internal static class RequestFingerprint
{
    private static readonly byte[] MultipartTag = Encoding.ASCII.GetBytes("multipart/form-data parts v1\n");

    /// <summary>
    /// Reads the body once (twice for a form that does not parse; it must be buffered:
    /// <see cref="HttpRequestRewindExtensions.EnableBuffering(HttpRequest)"/>), bounded by the
    /// request's size limit, and leaves it rewound for the endpoint.
    /// </summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken ct)
    {
        byte[]? hash = null;
        if (MultipartBoundary(request, out var boundary))
        {
            var options = request.HttpContext.RequestServices?.GetService<IOptions<FormOptions>>()?.Value ?? new FormOptions();
            try
            {
                // Read through the server's size limit, like any read of the body.
                hash = await HashPartsAsync(request.Body, boundary, options, ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
            {
                // A malformed form: its raw bytes stand, and the endpoint answers its own 400.
            }
            request.Body.Position = 0;
        }
        // Every other content type, and a form that does not parse, by the raw bytes.
        hash ??= await SHA256.HashDataAsync(request.Body, ct);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    private static bool MultipartBoundary(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        return boundary.Length > 0;
    }

    /// <summary>The parts' hash, or null when the form breaks the limits the endpoint's form reader applies.</summary>
    private static async Task<byte[]?> HashPartsAsync(Stream body, string boundary, FormOptions options, CancellationToken ct)
    {
        if (boundary.Length > options.MultipartBoundaryLengthLimit)
        {
            return null;
        }
        var reader = new MultipartReader(boundary, body)
        {
            HeadersCountLimit = options.MultipartHeadersCountLimit,
            HeadersLengthLimit = options.MultipartHeadersLengthLimit,
            BodyLengthLimit = options.MultipartBodyLengthLimit,
        };
        using var form = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        form.AppendData(MultipartTag);
        var count = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++count > options.ValueCountLimit)
            {
                return null;
            }
            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            var fileName = disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default;
            AppendField(form, HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).ToString());
            AppendField(form, HeaderUtilities.RemoveQuotes(fileName).ToString());
            AppendField(form, NormalizeContentType(section.ContentType));
            // Each content is hashed on its own so that the form's hash sees fixed-size pieces only.
            form.AppendData(await SHA256.HashDataAsync(section.Body, ct));
        }
        return form.GetHashAndReset();
    }

    private static void AppendField(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    /// <summary>Lower-case media type and parameter names, unquoted values, parameters sorted.</summary>
    private static string NormalizeContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "";
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            return contentType.Trim();
        }
        var parameters = type.Parameters
            .Select(p => $"{p.Name.ToString().ToLowerInvariant()}={HeaderUtilities.RemoveQuotes(p.Value)}")
            .Order(StringComparer.Ordinal);
        return string.Join("; ", [type.MediaType.ToString().ToLowerInvariant(), .. parameters]);
    }
}
