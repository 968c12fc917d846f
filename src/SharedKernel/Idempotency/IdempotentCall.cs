using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace TravelPermits.SharedKernel.Idempotency;

/// <summary>
/// A POST running under an <c>Idempotency-Key</c> for the first time. The answer is stored for
/// retries right after the handler; a handler whose change must never run twice stores it itself,
/// in the transaction of that change (<see cref="StoreWith"/>), so that a crash between the
/// commit and the store cannot let a retry run again.
/// </summary>
public sealed class IdempotentCall
{
    internal IdempotentCall(string scope, string key, string requestHash)
    {
        Scope = scope;
        Key = key;
        RequestHash = requestHash;
    }

    internal string Scope { get; }
    internal string Key { get; }
    internal string RequestHash { get; }

    /// <summary>Whether the handler has added its answer to its own pending changes.</summary>
    internal bool StoredByHandler { get; private set; }

    /// <summary>
    /// Adds <paramref name="answer"/> to <paramref name="db"/>'s pending changes (every module's
    /// context maps the table), to be saved and committed with the change it answers, or not at
    /// all; the handler must then send exactly that answer (<see cref="JsonAnswer.ToResult"/>).
    /// </summary>
    public void StoreWith(DbContext db, JsonAnswer answer, DateTimeOffset at)
    {
        db.Set<StoredResponse>().Add(new StoredResponse
        {
            Scope = Scope, Key = Key, RequestHash = RequestHash, StatusCode = answer.StatusCode,
            ContentType = JsonAnswer.ContentType, Body = Encoding.UTF8.GetBytes(answer.Json), CreatedAt = at,
        });
        StoredByHandler = true;
    }
}

/// <summary>A JSON answer built by the handler's service, so that it can be stored with the change before it is sent.</summary>
public sealed record JsonAnswer(int StatusCode, string Json)
{
    public const string ContentType = "application/json; charset=utf-8";

    public IResult ToResult() => TypedResults.Content(Json, ContentType, statusCode: StatusCode);
}
