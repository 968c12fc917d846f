using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Print;

internal sealed record PrintRequest(IReadOnlyList<Guid> PermitIds);

internal sealed class PrintRequestValidator : AbstractValidator<PrintRequest>
{
    public PrintRequestValidator() =>
        RuleFor(r => r.PermitIds).NotNull().Must(ids => ids is { Count: > 0 and <= PermitPrinter.MaxPermits });
}

/// <summary><c>POST /api/v1/permits/print</c>: A4 sheets of the given permits, in the order given, as a PDF.</summary>
internal sealed class PrintEndpoint(PermitPrinter printer, QrLinks links) : Endpoint<PrintRequest>
{
    /// <summary>The Host's concurrency limit for printing, which is CPU and memory heavy.</summary>
    public const string PrintConcurrency = "print-concurrency";

    public override void Configure()
    {
        Post("permits/print");
        Group<PermitsApi>();
        Roles(
            SharedKernel.Security.Roles.Enterprise, SharedKernel.Security.Roles.WardOfficer,
            SharedKernel.Security.Roles.WardPolice, SharedKernel.Security.Roles.Approver);
        Options(route => route.RequireRateLimiting(PrintConcurrency));
        Description(route => route.WithTags("Permits").Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithName("PrintPermits"));
    }

    public override async Task HandleAsync(PrintRequest request, CancellationToken ct)
    {
        var pdf = await printer.PrintAsync(request.PermitIds, HttpContext.Caller(), token => links.UrlFor(token, HttpContext.Request), ct);
        await Send.ResultAsync(TypedResults.File(pdf, "application/pdf", "giay-di-duong.pdf"));
    }
}
