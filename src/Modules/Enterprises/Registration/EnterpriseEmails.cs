using System.Globalization;
using Microsoft.AspNetCore.Http;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Enterprises.Registration;

/// <summary>The emails of this module, in Vietnamese, as plain text.</summary>
internal static class EnterpriseEmails
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");

    public static (string Subject, string Body) Registered(Enterprise e) => (
        $"Xác nhận đăng ký doanh nghiệp {e.Name}",
        $"""
        Kính gửi {e.Name} (MST {e.TaxCode}),

        {(e.Status == EnterpriseStatus.Active
            ? "Doanh nghiệp đã được đăng ký trên hệ thống cấp giấy đi đường và đang hoạt động."
            : "Hồ sơ đăng ký của doanh nghiệp đã được ghi nhận và đang chờ phường/xã xem xét.")}
        Số lao động: {e.Workforce.ToString("N0", Vi)}. Tỷ lệ được đi lại: {e.RatioPercent}%. Hạn mức: {e.Quota.ToString("N0", Vi)} người.

        Hệ thống cấp giấy đi đường
        """);

    public static (string Subject, string Body) Activated(Enterprise e) => (
        $"Doanh nghiệp {e.Name} đã được kích hoạt",
        $"""
        Kính gửi {e.Name} (MST {e.TaxCode}),

        Hồ sơ đăng ký của doanh nghiệp đã được duyệt; doanh nghiệp có thể gửi danh sách người lao động đề nghị cấp giấy đi đường.
        Hạn mức: {e.Quota.ToString("N0", Vi)} người trên {e.Workforce.ToString("N0", Vi)} lao động ({e.RatioPercent}%).

        Hệ thống cấp giấy đi đường
        """);

    /// <summary>
    /// The invitation: the token, and a link to the web interface's page that sets the password with
    /// it, on the address the official's request came to (the same Host serves that page).
    /// </summary>
    public static (string Subject, string Body) Invitation(Enterprise e, InvitedAccount account, HttpRequest? request) => (
        $"Tài khoản của doanh nghiệp {e.Name}",
        $"""
        Kính gửi {e.Name},

        Tài khoản của doanh nghiệp trên hệ thống cấp giấy đi đường đã được tạo với email {account.Email}.
        Mã đặt mật khẩu của tài khoản (hiệu lực 7 ngày):

        {account.PasswordToken}

        Đặt mật khẩu tại trang: {SetPasswordLink(account, request)}

        Hệ thống cấp giấy đi đường
        """);

    private static string SetPasswordLink(InvitedAccount account, HttpRequest? request)
    {
        var query = QueryString.Create(new Dictionary<string, string?> { ["email"] = account.Email, ["token"] = account.PasswordToken });
        var origin = request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/set-password{query}";
    }

    public static (string Subject, string Body) Rejected(Enterprise e, string reason) => (
        $"Hồ sơ đăng ký doanh nghiệp {e.Name} không được chấp thuận",
        $"""
        Kính gửi {e.Name} (MST {e.TaxCode}),

        Hồ sơ đăng ký của doanh nghiệp không được chấp thuận.
        Lý do: {reason}

        Doanh nghiệp có thể đăng ký lại sau khi bổ sung, điều chỉnh thông tin.

        Hệ thống cấp giấy đi đường
        """);

    public static (string Subject, string Body) QuotaChanged(Enterprise e, int oldQuota, string reason) => (
        $"Thay đổi hạn mức giấy đi đường của {e.Name}",
        $"""
        Kính gửi {e.Name} (MST {e.TaxCode}),

        Hạn mức giấy đi đường của doanh nghiệp đã thay đổi từ {oldQuota.ToString("N0", Vi)} thành {e.Quota.ToString("N0", Vi)} người.
        Số lao động: {e.Workforce.ToString("N0", Vi)}. Tỷ lệ: {e.RatioPercent}%.
        Lý do: {reason}

        Hệ thống cấp giấy đi đường
        """);

    /// <summary>The quota changed with the ward's epidemic level; when permits are over it, how many, and that none is revoked.</summary>
    public static (string Subject, string Body) QuotaFollowedLevel(Enterprise e, int oldQuota, WardLevelRatio level, int over) => (
        over > 0
            ? $"Hạn mức giấy đi đường của {e.Name} giảm theo cấp độ dịch: vượt {over.ToString("N0", Vi)} giấy"
            : $"Thay đổi hạn mức giấy đi đường của {e.Name} theo cấp độ dịch",
        $"""
        Kính gửi {e.Name} (MST {e.TaxCode}),

        {level.WardName} đã chuyển sang cấp độ dịch {level.Level}. Tỷ lệ người lao động được đi lại ở cấp độ này là {level.RatioPercent}%.
        Hạn mức giấy đi đường của doanh nghiệp đã thay đổi từ {oldQuota.ToString("N0", Vi)} thành {e.Quota.ToString("N0", Vi)} người ({e.Workforce.ToString("N0", Vi)} lao động).
        Lý do: {level.Reason}
        {(over > 0
            ? $"Doanh nghiệp đang có {e.ActivePermits.ToString("N0", Vi)} giấy đi đường còn hiệu lực, vượt hạn mức mới {over.ToString("N0", Vi)} giấy. "
                + "Không giấy nào bị thu hồi, nhưng doanh nghiệp chưa thể cấp thêm giấy cho đến khi số giấy còn hiệu lực thấp hơn hạn mức."
            : "")}

        Hệ thống cấp giấy đi đường
        """);

    /// <summary>A lockdown of the enterprise's ward suspends its permits, or lifting it restores them; the same QR codes either way.</summary>
    public static (string Subject, string Body) Lockdown(Enterprise e, WardLockdownNotice notice) => notice.Suspended
        ? ($"Giấy đi đường của {e.Name} tạm dừng hiệu lực: {notice.WardName} phong tỏa",
            $"""
            Kính gửi {e.Name} (MST {e.TaxCode}),

            {notice.WardName} bị phong tỏa từ {Cultures.VietnamDateTime(notice.Since)}. Lý do: {notice.Reason}
            Từ thời điểm này, {e.ActivePermits.ToString("N0", Vi)} giấy đi đường còn hiệu lực của doanh nghiệp được chốt kiểm soát xác minh là "tạm dừng".
            Khi dỡ phong tỏa, các giấy này có hiệu lực trở lại với chính mã QR đã in; không cần in lại.

            Hệ thống cấp giấy đi đường
            """)
        : ($"Giấy đi đường của {e.Name} có hiệu lực trở lại: {notice.WardName} dỡ phong tỏa",
            $"""
            Kính gửi {e.Name} (MST {e.TaxCode}),

            {notice.WardName} được dỡ phong tỏa từ {Cultures.VietnamDateTime(notice.Since)}. Lý do: {notice.Reason}
            Các giấy đi đường còn hiệu lực của doanh nghiệp ({e.ActivePermits.ToString("N0", Vi)} giấy) có hiệu lực trở lại với chính mã QR đã in.

            Hệ thống cấp giấy đi đường
            """);
}
