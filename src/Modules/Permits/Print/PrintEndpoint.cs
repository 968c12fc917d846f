using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Permits.Print;

internal sealed record PrintRequest(IReadOnlyList<Guid> PermitIds);

internal sealed class PrintRequestValidator : AbstractValidator<PrintRequest>
{
    public PrintRequestValidator() =>
        RuleFor(r => r.PermitIds).NotNull().Must(ids => ids is { Count: > 0 and <= PrintEndpoint.MaxPermits });
}

/// <summary><c>POST /api/v1/permits/print</c>: A4 sheets of the given permits, in the order given.</summary>
internal static class PrintEndpoint
{
    public const int MaxPermits = 5_000;

    /// <summary>The Host's concurrency limit for printing, which is CPU and memory heavy.</summary>
    public const string PrintConcurrency = "print-concurrency";
    private static readonly LocalizedText NotPrintable = new(
        "Chỉ in được giấy đi đường còn hiệu lực; {0} giấy đã bị thu hồi hoặc hết hạn.", "Only live permits can be printed; {0} are revoked or expired.");

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/permits/print", Handle)
            .RequireRoles(Roles.Enterprise, Roles.WardOfficer, Roles.WardPolice, Roles.Approver)
            .RequireRateLimiting(PrintConcurrency)
            .Validate<PrintRequest>()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithTags("Permits").WithName("PrintPermits");

    private static async Task<IResult> Handle(PrintRequest request, PermitsDbContext db, QrLinks links, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var ids = request.PermitIds.Distinct().ToList();
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
        var dead = found.Values.Count(p => !PermitStatus.Live.Contains(p.Status) || p.ValidTo <= now);
        if (dead > 0)
        {
            throw ProblemException.Conflict("not_printable", NotPrintable.Format(dead));
        }

        // PDFsharp builds the document in memory (bounded by MaxPermits); the finished file goes to a
        // temporary file and is streamed from there, deleted when the response is done.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            PermitSheets.Write(ids.Select(id => (found[id], links.UrlFor(found[id].Token, http.Request))), file);
            file.Position = 0;
            return TypedResults.File(file, "application/pdf", "giay-di-duong.pdf");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
