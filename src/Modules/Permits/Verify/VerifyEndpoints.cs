using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Verify;

internal sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use, bool Retired);

internal sealed record Jwks(IReadOnlyList<Jwk> Keys);

internal sealed record RevocationItem(Guid PermitId, DateTimeOffset RevokedAt);

/// <summary>
/// Verification for checkpoints and any phone: the JSON answer, the phone page behind the QR
/// code, the public keys (JWKS) and the revocation feed for offline verifiers.
/// </summary>
internal static class VerifyEndpoints
{
    public const string AnonymousVerify = "anonymous-verify";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/verify/keys", Keys).AllowAnonymous().WithTags("Verification").WithName("VerificationKeys");
        routes.MapGet("/api/v1/verify/revocations", Revocations).AllowAnonymous().RequireRateLimiting(AnonymousVerify)
            .WithTags("Verification").WithName("Revocations");
        routes.MapGet("/api/v1/verify/{token}", Verify).AllowAnonymous().RequireRateLimiting(AnonymousVerify)
            .WithTags("Verification").WithName("Verify");
        routes.MapGet("/v/{token}", Page).AllowAnonymous().RequireRateLimiting(AnonymousVerify).ExcludeFromDescription();
        routes.MapPost("/api/v1/admin/keys/rotate", Rotate).RequireRoles(Roles.Admin).WithTags("Administration").WithName("RotateSigningKey");
    }

    private static async Task<Ok<Verification>> Verify(string token, Verifier verifier, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(token, http.Caller(), ct));

    private static Ok<Jwks> Keys(KeyRing keys) => TypedResults.Ok(new Jwks(
        keys.Keys.Select(k => new Jwk("EC", "P-256", k.X, k.Y, k.Kid, "ES256", "sig", k.Retired)).ToList()));

    /// <summary>
    /// What an offline verifier adds to its revocation list since its last cursor. <c>nextCursor</c>
    /// is always given: the position to ask from next time, even when nothing was new.
    /// </summary>
    private static async Task<Ok<CursorPage<RevocationItem>>> Revocations(PermitsDbContext db, string? since, int? limit, CancellationToken ct)
    {
        var take = Paging.Limit(limit ?? Paging.MaxLimit);
        var after = Paging.DecodeLong(since, nameof(since)) ?? 0;
        var rows = await db.Revocations.AsNoTracking().Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Take(take)
            .ToListAsync(ct);
        var next = rows.Count > 0 ? rows[^1].Sequence : after;
        return TypedResults.Ok(new CursorPage<RevocationItem>(
            rows.Select(r => new RevocationItem(r.PermitId, r.RevokedAt)).ToList(),
            Paging.Encode(next.ToString(CultureInfo.InvariantCulture))));
    }

    private static async Task<Ok<RotatedKey>> Rotate(KeyRing keys, PermitsDbContext db, ActorAccessor actor, TimeProvider time, CancellationToken ct)
    {
        var kid = await keys.RotateAsync(ct);
        db.Audit(actor.Current, "signing_key.rotated", "signing_key", kid, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedKey(kid));
    }

    /// <summary>The page a phone camera opens: the answer in large type, in Vietnamese (English on request).</summary>
    private static async Task<ContentHttpResult> Page(string token, Verifier verifier, HttpContext http, CancellationToken ct)
    {
        var v = await verifier.VerifyAsync(token, http.Caller(), ct);
        var (title, color) = v.Result switch
        {
            VerifyResult.Valid => (Texts.Valid, "#1b7f3b"),
            VerifyResult.Revoked => (Texts.Revoked, "#b3261e"),
            VerifyResult.Expired => (Texts.Expired, "#b3261e"),
            VerifyResult.NotYetValid => (Texts.NotYetValid, "#a15c00"),
            VerifyResult.Unknown => (Texts.Unknown, "#b3261e"),
            _ => (Texts.Invalid, "#b3261e"),
        };
        var vn = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        string When(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, vn).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";
        var details = v.Holder is null ? "" : $"""
            <p class="name">{WebUtility.HtmlEncode(v.Holder.FullName)}</p>
            <p>{Texts.Id.Resolve()}: <b>{WebUtility.HtmlEncode(v.Holder.IdNumber ?? v.Holder.IdNumberMasked)}</b></p>
            <p>{WebUtility.HtmlEncode(v.EnterpriseName ?? "")}</p>
            <p>{WebUtility.HtmlEncode(v.WardName ?? "")}</p>
            <p>{Texts.Validity.Resolve()}: {When(v.ValidFrom)} – {When(v.ValidTo)}</p>
            """;
        var html = $$"""
            <!doctype html>
            <html lang="{{(Texts.Valid.Resolve() == Texts.Valid.En ? "en" : "vi")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title.Resolve())}}</title>
            <style>body{font-family:sans-serif;margin:0;text-align:center}.result{background:{{color}};color:#fff;font-size:2.4em;font-weight:bold;padding:1em .3em}
            p{font-size:1.2em;margin:.5em}.name{font-size:1.6em;font-weight:bold}small{color:#555}</style></head>
            <body><div class="result">{{WebUtility.HtmlEncode(title.Resolve())}}</div>{{details}}
            <p><small>{{Texts.Checked.Resolve()}} {{When(v.CheckedAt)}}</small></p></body></html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    internal sealed record RotatedKey(string Kid);

    private static class Texts
    {
        public static readonly LocalizedText Valid = new("HỢP LỆ", "VALID");
        public static readonly LocalizedText Revoked = new("ĐÃ THU HỒI", "REVOKED");
        public static readonly LocalizedText Expired = new("HẾT HẠN", "EXPIRED");
        public static readonly LocalizedText NotYetValid = new("CHƯA CÓ HIỆU LỰC", "NOT YET VALID");
        public static readonly LocalizedText Unknown = new("KHÔNG CÓ TRONG HỆ THỐNG", "NOT IN THE SYSTEM");
        public static readonly LocalizedText Invalid = new("GIẢ MẠO HOẶC HỎNG", "FORGED OR DAMAGED");
        public static readonly LocalizedText Id = new("Số CCCD/CMND", "ID number");
        public static readonly LocalizedText Validity = new("Hiệu lực", "Valid");
        public static readonly LocalizedText Checked = new("Kiểm tra lúc", "Checked at");
    }
}
