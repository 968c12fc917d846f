using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.SharedKernel.Idempotency;

/// <summary>Marks a POST that creates something as honouring <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentMetadata;

/// <summary>A stored first answer to a POST with an <c>Idempotency-Key</c>.</summary>
internal sealed class StoredResponse
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public string? ContentType { get; init; }
    public required byte[] Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// <c>Idempotency-Key</c> for the POSTs marked <see cref="IdempotentMetadata"/>: a retry with the
/// same key and body (by the same caller, on the same route) gets the first successful answer
/// again and changes nothing; the same key with another body is a 409 <c>idempotency_conflict</c>.
/// A multipart form is compared by its parts, not its boundary (<see cref="RequestFingerprint"/>).
/// The answer is stored after the handler's own transaction, so a crash in between lets a retry
/// run again; issuing permits, where that matters most, stores it in its own transaction.
/// </summary>
public static class IdempotentRequests
{
    private const int MaxKeyLength = 200;
    private static readonly LocalizedText Conflict = new(
        "Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was used for a different request.");

    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.WithMetadata(new IdempotentMetadata());

    public static IApplicationBuilder UseIdempotentRequests(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0 || !HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is null)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            throw ProblemException.Invalid("Idempotency-Key", new LocalizedText("Tối đa 200 ký tự.", "At most 200 characters."));
        }

        http.Request.EnableBuffering();
        var hash = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        var caller = http.Caller();
        var scope = $"{caller.UserId?.ToString() ?? "anonymous:" + http.Connection.RemoteIpAddress} {http.Request.Path}";
        if (scope.Length > 300)
        {
            scope = scope[..300];
        }

        var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
        if (await db.StoredResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted) is { } first)
        {
            if (first.RequestHash != hash)
            {
                throw ProblemException.Conflict("idempotency_conflict", Conflict);
            }
            http.Response.StatusCode = first.StatusCode;
            http.Response.ContentType = first.ContentType;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            await http.Response.Body.WriteAsync(first.Body, http.RequestAborted);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode is >= 200 and < 300)
        {
            db.StoredResponses.Add(new StoredResponse
            {
                Scope = scope, Key = key, RequestHash = hash, StatusCode = http.Response.StatusCode, ContentType = http.Response.ContentType,
                Body = buffer.ToArray(), CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same retry ran alongside and stored its answer first: this answer stands as well.
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    });
}
