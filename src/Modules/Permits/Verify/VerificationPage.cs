using System.Globalization;
using System.Net;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// A verification as the phone page shows it, in the web interface's look (its header, colours and
/// type, from <c>/assets/css/verify.css</c>; no inline style: the CSP allows none), Vietnamese first
/// (English by the language cookie or the browser's language). Read in the street on a 360 px
/// phone: the answer in very large type, its colour and a shape of its own (a circle for valid, a
/// square for refused, a triangle for wait or suspended) so that it does not rest on colour alone,
/// one sentence saying what it means, then the holder, the masked ID, the enterprise, the ward, the
/// validity, the lockdown when suspended, and when it was checked, in Vietnam's time (+07:00).
/// </summary>
internal static class VerificationPage
{
    public static string Html(Verification v)
    {
        var (title, meaning, look, mark) = v.Result switch
        {
            VerifyResult.Valid => (Texts.Valid, Texts.ValidMeaning, "good", "✓"),
            VerifyResult.Revoked => (Texts.Revoked, Texts.RevokedMeaning, "bad", "✕"),
            VerifyResult.Expired => (Texts.Expired, Texts.ExpiredMeaning, "bad", "✕"),
            VerifyResult.NotYetValid => (Texts.NotYetValid, Texts.NotYetValidMeaning, "wait", "!"),
            VerifyResult.Suspended => (Texts.Suspended, Texts.SuspendedMeaning, "held", "!"),
            VerifyResult.Unknown => (Texts.Unknown, Texts.UnknownMeaning, "bad", "✕"),
            _ => (Texts.Invalid, Texts.InvalidMeaning, "bad", "✕"),
        };
        static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
        static string When(DateTimeOffset? at) => at is { } t
            ? $"""<time datetime="{t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}">{Cultures.VietnamDateTime(t)}</time>"""
            : "";
        static string Fact(LocalizedText label, string value, string key) =>
            $"""<div class="fact" data-fact="{key}"><dt>{label.Resolve()}</dt><dd>{value}</dd></div>""";

        var suspension = v.Suspension is not { } s ? "" : $"""
            <p class="suspension" id="suspension"><span class="tag">{Texts.Lockdown.Resolve()}</span> {Encode(s.WardName)} {Texts.Since.Resolve()} {When(s.Since)}. {Texts.Reason.Resolve()}: {Encode(s.Reason)}</p>
            """;
        var details = v.Holder is null ? "" : $"""
            <dl class="facts">
            {Fact(Texts.Holder, Encode(v.Holder.FullName), "holder")}
            {Fact(Texts.Id, Encode(v.Holder.IdNumber ?? v.Holder.IdNumberMasked), "idNumber")}
            {Fact(Texts.Enterprise, Encode(v.EnterpriseName), "enterprise")}
            {Fact(Texts.Ward, Encode(v.WardName), "ward")}
            {Fact(Texts.Validity, $"{When(v.ValidFrom)} – {When(v.ValidTo)}", "validity")}
            </dl>
            """;
        var word = Encode(title.Resolve());
        return $$"""
            <!doctype html>
            <html lang="{{(Texts.Valid.Resolve() == Texts.Valid.En ? "en" : "vi")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{{word}} · {{Texts.System.Resolve()}}</title>
            <link rel="stylesheet" href="/assets/css/verify.css"><link rel="icon" href="/assets/scanner-icon.svg" type="image/svg+xml"></head>
            <body>
            <header class="top"><div class="bar"><span class="brand">{{Texts.System.Resolve()}}</span><span class="what">{{Texts.Check.Resolve()}}</span></div></header>
            <main id="main">
            <section class="result {{look}}" id="result" data-result="{{v.Result}}" aria-labelledby="verdict">
            <span class="mark" aria-hidden="true">{{mark}}</span>
            <h1 id="verdict">{{word}}</h1>
            <p class="meaning">{{Encode(meaning.Resolve())}}</p>
            </section>
            {{suspension}}{{details}}
            <p class="checked">{{Texts.Checked.Resolve()}} {{When(v.CheckedAt)}} <span class="zone">({{Texts.Zone.Resolve()}})</span></p>
            </main>
            <footer class="foot">{{Texts.Footer.Resolve()}}</footer>
            </body></html>
            """;
    }

    private static class Texts
    {
        public static readonly LocalizedText Valid = new("HỢP LỆ", "VALID");
        public static readonly LocalizedText ValidMeaning = new(
            "Giấy đi đường đang có hiệu lực. Đối chiếu họ tên và số giấy tờ với CCCD/CMND của người đi.",
            "The permit is in force. Compare the name and ID number with the holder's ID card.");
        public static readonly LocalizedText Revoked = new("ĐÃ THU HỒI", "REVOKED");
        public static readonly LocalizedText RevokedMeaning = new(
            "Giấy đã bị thu hồi: không còn giá trị đi lại.", "The permit has been revoked: it no longer allows travel.");
        public static readonly LocalizedText Expired = new("HẾT HẠN", "EXPIRED");
        public static readonly LocalizedText ExpiredMeaning = new("Giấy đã hết thời hạn hiệu lực.", "The permit's validity has ended.");
        public static readonly LocalizedText NotYetValid = new("CHƯA CÓ HIỆU LỰC", "NOT YET VALID");
        public static readonly LocalizedText NotYetValidMeaning = new("Giấy chưa đến ngày có hiệu lực.", "The permit's validity has not begun.");
        public static readonly LocalizedText Suspended = new("TẠM DỪNG HIỆU LỰC", "SUSPENDED");
        public static readonly LocalizedText SuspendedMeaning = new(
            "Phường/xã của doanh nghiệp đang bị phong tỏa: giấy tạm dừng hiệu lực cho đến khi dỡ phong tỏa.",
            "The enterprise's ward is locked down: the permit is suspended until the lockdown is lifted.");
        public static readonly LocalizedText Unknown = new("KHÔNG CÓ TRONG HỆ THỐNG", "NOT IN THE SYSTEM");
        public static readonly LocalizedText UnknownMeaning = new(
            "Mã mang chữ ký của hệ thống nhưng không có giấy nào như vậy.", "The code bears the system's signature but no such permit exists.");
        public static readonly LocalizedText Invalid = new("GIẢ MẠO HOẶC HỎNG", "FORGED OR DAMAGED");
        public static readonly LocalizedText InvalidMeaning = new(
            "Mã không phải do hệ thống cấp, hoặc đã bị sửa.", "The code was not issued by the system, or it has been altered.");
        public static readonly LocalizedText Lockdown = new("Phong tỏa", "Lockdown of");
        public static readonly LocalizedText Since = new("từ", "since");
        public static readonly LocalizedText Reason = new("Lý do", "Reason");
        public static readonly LocalizedText Holder = new("Họ và tên", "Full name");
        public static readonly LocalizedText Id = new("Số CCCD/CMND", "ID number");
        public static readonly LocalizedText Enterprise = new("Doanh nghiệp", "Enterprise");
        public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
        public static readonly LocalizedText Validity = new("Hiệu lực", "Valid");
        public static readonly LocalizedText Checked = new("Kiểm tra lúc", "Checked at");
        public static readonly LocalizedText Zone = new("giờ Việt Nam, UTC+07:00", "Vietnam time, UTC+07:00");
        public static readonly LocalizedText Check = new("Kiểm tra giấy đi đường", "Permit check");
        public static readonly LocalizedText System = new("Giấy đi đường", "Travel permits");
        public static readonly LocalizedText Footer = new(
            "Hệ thống cấp giấy đi đường · kết quả đọc từ hệ thống lúc kiểm tra", "Travel permit system · the result as the system gave it when checked");
    }
}
