using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Print;

/// <summary>The PDF of A4 sheets of permits, in the order given: live, valid permits within the caller's reach only.</summary>
internal sealed class PermitPrinter(PermitsDbContext db, TimeProvider time)
{
    public const int MaxPermits = 5_000;

    private static readonly LocalizedText NotPrintable = new(
        "Chỉ in được giấy đi đường còn hiệu lực; {0} giấy đã bị thu hồi hoặc hết hạn.", "Only live permits can be printed; {0} are revoked or expired.");

    /// <summary>
    /// The finished PDF, rewound, in a temporary file deleted when the stream is disposed; 404 when
    /// a permit is missing or out of reach, 409 <c>not_printable</c> when one is revoked or expired.
    /// </summary>
    /// <param name="urlFor">The URL of a token's QR code.</param>
    public async Task<Stream> PrintAsync(IReadOnlyList<Guid> permitIds, CallerScope caller, Func<string, string> urlFor, CancellationToken ct)
    {
        var ids = permitIds.Distinct().ToList();
        var found = new Dictionary<Guid, Permit>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var permit in await db.Permits.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                found[permit.Id] = permit;
            }
        }
        if (found.Count != ids.Count || !found.Values.All(caller.Sees))
        {
            throw ProblemException.NotFound(PermitTexts.Permit);
        }
        var now = time.GetUtcNow();
        var dead = found.Values.Count(p => !PermitStatuses.Live.Contains(p.Status) || p.ValidTo <= now);
        if (dead > 0)
        {
            throw ProblemException.Conflict("not_printable", NotPrintable.Format(dead));
        }

        // PDFsharp builds the document in memory (bounded by MaxPermits); the finished file goes to a
        // temporary file and is streamed from there, deleted when the response is done.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            PermitSheets.Write(ids.Select(id => (found[id], urlFor(found[id].Token))), file);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
