using System.Net;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// A verification as the phone page shows it: the answer in large type, in Vietnamese (English on
/// request), styled by the web interface's <c>/assets/css/verify.css</c> (no inline style: the CSP allows none).
/// </summary>
internal static class VerificationPage
{
    public static string Html(Verification v)
    {
        var (title, look) = v.Result switch
        {
            VerifyResult.Valid => (Texts.Valid, "good"),
            VerifyResult.Revoked => (Texts.Revoked, "bad"),
            VerifyResult.Expired => (Texts.Expired, "bad"),
            VerifyResult.NotYetValid => (Texts.NotYetValid, "wait"),
            VerifyResult.Suspended => (Texts.Suspended, "held"),
            VerifyResult.Unknown => (Texts.Unknown, "bad"),
            _ => (Texts.Invalid, "bad"),
        };
        static string When(DateTimeOffset? at) => at is { } t ? Cultures.VietnamDateTime(t) : "";
        var suspension = v.Suspension is not { } s ? "" : $"""
            <p class="suspension">{Texts.Lockdown.Resolve()} {WebUtility.HtmlEncode(s.WardName)} {Texts.Since.Resolve()} {When(s.Since)}: {WebUtility.HtmlEncode(s.Reason)}</p>
            """;
        var details = v.Holder is null ? "" : $"""
            <p class="name">{WebUtility.HtmlEncode(v.Holder.FullName)}</p>
            <p>{Texts.Id.Resolve()}: <b>{WebUtility.HtmlEncode(v.Holder.IdNumber ?? v.Holder.IdNumberMasked)}</b></p>
            <p>{WebUtility.HtmlEncode(v.EnterpriseName ?? "")}</p>
            <p>{WebUtility.HtmlEncode(v.WardName ?? "")}</p>
            <p>{Texts.Validity.Resolve()}: {When(v.ValidFrom)} – {When(v.ValidTo)}</p>
            """;
        return $$"""
            <!doctype html>
            <html lang="{{(Texts.Valid.Resolve() == Texts.Valid.En ? "en" : "vi")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title.Resolve())}}</title>
            <link rel="stylesheet" href="/assets/css/verify.css"></head>
            <body><header>{{Texts.System.Resolve()}}</header><main><div class="result {{look}}">{{WebUtility.HtmlEncode(title.Resolve())}}</div>{{suspension}}{{details}}
            <p><small>{{Texts.Checked.Resolve()}} {{When(v.CheckedAt)}}</small></p></main></body></html>
            """;
    }

    private static class Texts
    {
        public static readonly LocalizedText Valid = new("HỢP LỆ", "VALID");
        public static readonly LocalizedText Revoked = new("ĐÃ THU HỒI", "REVOKED");
        public static readonly LocalizedText Expired = new("HẾT HẠN", "EXPIRED");
        public static readonly LocalizedText NotYetValid = new("CHƯA CÓ HIỆU LỰC", "NOT YET VALID");
        public static readonly LocalizedText Suspended = new("TẠM DỪNG HIỆU LỰC", "SUSPENDED");
        public static readonly LocalizedText Lockdown = new("Phong tỏa", "Lockdown of");
        public static readonly LocalizedText Since = new("từ", "since");
        public static readonly LocalizedText Unknown = new("KHÔNG CÓ TRONG HỆ THỐNG", "NOT IN THE SYSTEM");
        public static readonly LocalizedText Invalid = new("GIẢ MẠO HOẶC HỎNG", "FORGED OR DAMAGED");
        public static readonly LocalizedText Id = new("Số CCCD/CMND", "ID number");
        public static readonly LocalizedText Validity = new("Hiệu lực", "Valid");
        public static readonly LocalizedText Checked = new("Kiểm tra lúc", "Checked at");
        public static readonly LocalizedText System = new("Giấy đi đường", "Travel permits");
    }
}
