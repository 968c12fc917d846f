using System.Runtime.ExceptionServices;
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

/// <summary>
/// <c>Idempotency-Key</c> for the POSTs marked <see cref="IdempotentMetadata"/>, the one mechanism
/// of the whole API: a retry with the same key and body (by the same caller, on the same route)
/// gets the first successful answer again and changes nothing; the same key with another body is
/// a 409 <c>idempotency_conflict</c>. A multipart form is compared by its parts, not its boundary
/// (<see cref="RequestFingerprint"/>). The answer is stored right after the handler, unless the
/// handler stored it in its own transaction (<see cref="IdempotentCall.StoreWith"/>).
/// </summary>
public static class IdempotentRequests
{
    private const int MaxKeyLength = 200;
    private static readonly LocalizedText Conflict = new(
        "Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was used for a different request.");

    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.WithMetadata(new IdempotentMetadata());

    /// <summary>The call being run under an <c>Idempotency-Key</c> for the first time; null without a key, or on a route that does not honour one.</summary>
    public static IdempotentCall? GetIdempotentCall(this HttpContext http) => http.Features.Get<IdempotentCall>();

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
        var call = new IdempotentCall(Scope(http), key, await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted));
        var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
        if (await FirstAnswerAsync(db, call, http.RequestAborted) is { } first)
        {
            await ReplayAsync(http, first, call);
            return;
        }

        http.Features.Set(call);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        ProblemException? refusal = null;
        try
        {
            await next(http);
        }
        catch (ProblemException e)
        {
            refusal = e;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (refusal is not null || http.Response.StatusCode is >= 400 and < 500)
        {
            // A call with this key may have succeeded while this one ran (a retry sent before the
            // first answer came back, refused as a duplicate): its answer stands.
            if (await FirstAnswerAsync(db, call, http.RequestAborted) is { } meanwhile)
            {
                http.Response.Clear();
                await ReplayAsync(http, meanwhile, call);
                return;
            }
            if (refusal is not null)
            {
                ExceptionDispatchInfo.Throw(refusal);
            }
        }
        else if (http.Response.StatusCode is >= 200 and < 300 && !call.StoredByHandler)
        {
            db.StoredResponses.Add(new StoredResponse
            {
                Scope = call.Scope, Key = call.Key, RequestHash = call.RequestHash, StatusCode = http.Response.StatusCode,
                ContentType = http.Response.ContentType, Body = buffer.ToArray(),
                CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
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

    /// <summary>Keys are the caller's own, per route.</summary>
    private static string Scope(HttpContext http)
    {
        var scope = $"{http.Caller().UserId?.ToString() ?? "anonymous:" + http.Connection.RemoteIpAddress} {http.Request.Path}";
        return scope.Length > 300 ? scope[..300] : scope;
    }

    private static Task<StoredResponse?> FirstAnswerAsync(PlatformDbContext db, IdempotentCall call, CancellationToken ct) =>
        db.StoredResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == call.Scope && r.Key == call.Key, ct);

    private static async Task ReplayAsync(HttpContext http, StoredResponse first, IdempotentCall call)
    {
        if (first.RequestHash != call.RequestHash)
        {
            throw ProblemException.Conflict("idempotency_conflict", Conflict);
        }
        http.Response.StatusCode = first.StatusCode;
        http.Response.ContentType = first.ContentType;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(first.Body, http.RequestAborted);
    }
}
