using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.SharedKernel.Problems;

/// <summary>
/// A refusal that becomes a problem-details answer with a stable <c>code</c>.
/// Thrown by handlers and turned into a response by <see cref="ProblemExceptionHandler"/>.
/// </summary>
/// <remarks>
/// Grains throw it too: Orleans serializes it across the grain call (status, code, both texts and
/// the extensions, whose values are plain data: numbers, strings, lists of ids), so the endpoint
/// that called the grain answers exactly as if it had refused the change itself.
/// </remarks>
[GenerateSerializer]
[Alias("TravelPermits.ProblemException")]
public class ProblemException(int status, string code, LocalizedText message, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(message.En)
{
    [Id(0)]
    public int Status { get; } = status;

    [Id(1)]
    public string Code { get; } = code;

    [Id(2)]
    public LocalizedText Text { get; } = message;

    [Id(3)]
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static ProblemException NotFound(LocalizedText entity) =>
        new(StatusCodes.NotFound, "not_found", new LocalizedText(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, CommonTexts.NotFound.Vi, entity.Vi),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, CommonTexts.NotFound.En, entity.En)));

    /// <summary>A business rule refused the change (409).</summary>
    public static ProblemException Conflict(string code, LocalizedText message) =>
        new(StatusCodes.Conflict, code, message);

    /// <summary>A field failed a check that needs the database (400 validation_failed).</summary>
    public static ProblemException Invalid(string field, LocalizedText message) =>
        new(StatusCodes.BadRequest, "validation_failed", message,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message.Resolve()] } });

    public static ProblemException InvalidTransition(string from, string action) =>
        Conflict("invalid_transition", CommonTexts.InvalidTransition.Format(action, from));
}

internal static class StatusCodes
{
    public const int BadRequest = 400;
    public const int NotFound = 404;
    public const int Conflict = 409;
}
