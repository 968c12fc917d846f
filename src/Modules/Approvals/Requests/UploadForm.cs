using Microsoft.AspNetCore.Http;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Approvals.Requests;

/// <summary>
/// The upload's multipart form: <c>file</c> (the filled template), <c>kind</c> (<c>addition</c> |
/// <c>replacement</c>) and an optional <c>note</c>, read as ASP.NET Core reads a form and checked
/// before anything is read from the file: a body that is no form is a 415, an unreadable form a
/// 400, and every missing or wrong field one 400 <c>validation_failed</c>.
/// </summary>
internal sealed record UploadForm(IFormFile File, RequestKind Kind, string Note)
{
    private static readonly LocalizedText FileRequired = new("Cần gửi tệp danh sách (trường file).", "Send the list as the 'file' field.");
    private static readonly LocalizedText KindInvalid = new("kind phải là addition hoặc replacement.", "kind must be addition or replacement.");
    private static readonly LocalizedText NoteTooLong = new("Tối đa 1000 ký tự.", "At most 1000 characters.");

    public static async Task<UploadForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", CommonTexts.ForStatus(415));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
        {
            // No boundary, a truncated body, too many parts: the form itself is unreadable.
            throw new ProblemException(400, "validation_failed", CommonTexts.MalformedBody.Format(e.Message),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [CommonTexts.MalformedBody.Format(e.Message).Resolve()] } });
        }
        var file = form.Files.GetFile("file");
        var errors = new Dictionary<string, string[]>();
        if (file is null || file.Length == 0)
        {
            errors["file"] = [FileRequired.Resolve()];
        }
        if (!WireNames<RequestKind>.TryParse(form["kind"].ToString(), out var kind) || kind is not (RequestKind.Addition or RequestKind.Replacement))
        {
            errors["kind"] = [KindInvalid.Resolve()];
        }
        var note = form["note"].ToString();
        if (note.Length > 1000)
        {
            errors["note"] = [NoteTooLong.Resolve()];
        }
        if (errors.Count > 0)
        {
            throw new ProblemException(400, "validation_failed", CommonTexts.ValidationFailed, new Dictionary<string, object?> { ["errors"] = errors });
        }
        return new UploadForm(file!, kind, note);
    }
}
