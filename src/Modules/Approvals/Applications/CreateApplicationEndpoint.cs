using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Approvals.Applications;

/// <summary>A citizen's application as the area police enter it; the person's fields are checked by <see cref="People.PersonRules"/>.</summary>
internal sealed record ApplicationRequest(
    string FullName, string IdNumber, string DateOfBirth, string? Gender, string? Phone, string Address, string WardCode,
    string Reason, string Destination);

internal sealed class ApplicationRequestValidator : AbstractValidator<ApplicationRequest>
{
    public ApplicationRequestValidator()
    {
        RuleFor(r => r.WardCode).NotEmpty().Matches("^[0-9]{5}$");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Destination).NotEmpty().MaximumLength(300);
    }
}

/// <summary><c>POST /api/v1/applications</c>: the area police enter a citizen of their ward; 201 with the application.</summary>
internal sealed class CreateApplicationEndpoint(ApplicationIntake intake) : Endpoint<ApplicationRequest, ApplicationResponse>
{
    public override void Configure()
    {
        Post("applications");
        Group<ApprovalsApi>();
        Roles(SharedKernel.Security.Roles.AreaPolice);
        Options(route => route.Idempotent());
        Description(route => route.WithTags("Applications").WithName("CreateApplication"));
        // The form's own fields and the person's are refused together, in one answer (ApplicationIntake).
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(ApplicationRequest request, CancellationToken ct)
    {
        var invalid = ValidationFailures
            .GroupBy(f => ValidationNames.JsonName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var application = await intake.SubmitAsync(request, HttpContext.Caller(), invalid, ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/applications/{application.Id}", application));
    }
}
