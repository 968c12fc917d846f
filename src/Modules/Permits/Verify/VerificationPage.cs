using System.Globalization;
using System.Net;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Permits.Verify;

/// <summary>A verification as the phone page shows it: the answer in large type, in Vietnamese (English on request).</summary>
internal static class VerificationPage
{
    public static string Html(Verification v)
    {
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
        return $$"""
            <!doctype html>
            <html lang="{{(Texts.Valid.Resolve() == Texts.Valid.En ? "en" : "vi")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title.Resolve())}}</title>
            <style>body{font-family:sans-serif;margin:0;text-align:center}.result{background:{{color}};color:#fff;font-size:2.4em;font-weight:bold;padding:1em .3em}
            p{font-size:1.2em;margin:.5em}.name{font-size:1.6em;font-weight:bold}small{color:#555}</style></head>
            <body><div class="result">{{WebUtility.HtmlEncode(title.Resolve())}}</div>{{details}}
            <p><small>{{Texts.Checked.Resolve()}} {{When(v.CheckedAt)}}</small></p></body></html>
            """;
    }

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
