using System.IO.Compression;
using static TravelPermits.Approvals.Template.TemplateTexts;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// The first look at an upload, before the spreadsheet library opens it: refuses what is not a
/// zip package (naming the old .xls format), and packages that would inflate beyond reason, by
/// what the zip declares and, for the parts the library reads whole when it opens, by counting.
/// </summary>
internal static class PackageGuard
{
    private const long MaxUncompressedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 500;

    /// <summary>Checks the package and leaves <paramref name="file"/> rewound.</summary>
    public static void Check(Stream file)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 4 && magic.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw Invalid(Texts.OldXls);
        }
        if (read < 4 || magic[0] != (byte)'P' || magic[1] != (byte)'K')
        {
            throw Invalid(Texts.NotXlsx);
        }
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes
                || zip.Entries.Any(e => e.CompressedLength > 0 && e.Length / e.CompressedLength > 1000))
            {
                throw Invalid(Texts.TooLarge);
            }
            // The package reads its content types and every relationship part whole when it opens.
            foreach (var entry in zip.Entries.Where(e => e.FullName == "[Content_Types].xml" || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                var uri = new Uri("/" + entry.FullName, UriKind.Relative);
                using var stream = new CountedStream(entry.Open(), TemplateLimits.MaxPackageXmlBytes,
                    () => PartTooLarge(uri, TemplateLimits.MaxPackageXmlBytes));
                stream.Drain();
            }
        }
        catch (InvalidDataException)
        {
            throw Invalid(Texts.NotXlsx);
        }
        file.Position = 0;
    }
}
