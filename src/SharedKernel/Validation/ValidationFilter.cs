using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Validation;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument and
/// answers 400 <c>validation_failed</c> with every error at once before the handler runs.
/// </summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return Failed(new Dictionary<string, string[]> { ["body"] = [ValidationTexts.BodyRequired.Resolve()] });
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(e => ValidationNames.JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return Failed(errors);
    }

    internal static IResult Failed(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: CommonTexts.ValidationFailed.Resolve(),
            extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });
}

internal static class ValidationTexts
{
    public static readonly LocalizedText BodyRequired = new("Thiếu nội dung yêu cầu.", "The request body is missing.");
}

public static class ValidationExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its registered validator.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>
    /// Registers every validator the assembly defines (FluentValidation's DI package is not served
    /// here): as a singleton when it needs nothing, scoped when its constructor takes services (a
    /// directory that reads the database, for an async rule). The filter and the handlers resolve
    /// validators from the request's scope, so either works.
    /// </summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Assembly assembly)
    {
        var validators = assembly.DefinedTypes
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.ImplementedInterfaces
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            var needsServices = implementation.DeclaredConstructors.All(c => c.IsStatic || c.GetParameters().Length > 0);
            services.Add(new ServiceDescriptor(service, implementation.AsType(),
                needsServices ? ServiceLifetime.Scoped : ServiceLifetime.Singleton));
        }
        return services;
    }
}
