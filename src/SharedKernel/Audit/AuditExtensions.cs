using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TravelPermits.SharedKernel.Audit;

public static class AuditExtensions
{
    // Details are stored for people to read: Vietnamese text stays as written, not \u-escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Adds an audit line to the context's pending changes, so that it is saved in the same
    /// transaction as the change it records (or not at all).
    /// </summary>
    public static void Audit(this DbContext db, Actor actor, string action, string entityType, string entityId,
        DateTimeOffset at, object? details = null, string? cityCode = null, string? wardCode = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = at,
            Actor = actor.Name,
            ActorId = actor.UserId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
            CityCode = cityCode,
            WardCode = wardCode,
        });
}
