using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Issue;

internal sealed record IssueRequest(IReadOnlyList<Guid> EntryIds);

internal sealed class IssueRequestValidator : AbstractValidator<IssueRequest>
{
    public IssueRequestValidator() =>
        RuleFor(r => r.EntryIds).NotNull().Must(ids => ids is { Count: > 0 and <= 10_000 })
            .WithMessage(_ => PermitTexts.EntryIdsRequired.Resolve());
}

/// <summary>
/// <c>POST /api/v1/enterprises/{id}/permits</c> (the enterprise, for itself): permits for people of
/// its approved list, all or none. Honours Idempotency-Key with the answer stored in the issuing
/// transaction.
/// </summary>
internal sealed class IssuePermitsEndpoint(PermitIssuer issuer) : Endpoint<IssueRequest>
{
    public override void Configure()
    {
        Post("enterprises/{id:guid}/permits");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Enterprise);
        Options(route => route.Idempotent());
        Description(route => route.WithTags("Permits").ProducesProblem(StatusCodes.Status409Conflict).WithName("IssuePermits"));
    }

    public override async Task HandleAsync(IssueRequest request, CancellationToken ct)
    {
        var answer = await issuer.IssueAsync(Route<Guid>("id"), HttpContext.Caller(), request.EntryIds, HttpContext.GetIdempotentCall(), ct);
        await Send.ResultAsync(answer.ToResult());
    }
}
