using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The public page where an enterprise registers itself, pending the ward's or the city's approval.</summary>
internal static class RegisterTexts
{
    public static readonly LocalizedText Title = new("Đăng ký doanh nghiệp", "Register an enterprise");
    public static readonly LocalizedText Intro = new(
        "Doanh nghiệp tự đăng ký để được cấp giấy đi đường cho người lao động. Cán bộ phường/xã hoặc cơ quan phê duyệt xem xét đăng ký; khi được duyệt, email liên hệ nhận thư mời đặt mật khẩu.",
        "An enterprise registers itself to get travel permits for its workforce. The ward's officer or the approving agency reviews the registration; once it is approved, the contact email receives the invitation to set a password.");
    public static readonly LocalizedText City = new("Tỉnh/thành phố", "City or province");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText ChooseCity = new("Chọn tỉnh/thành phố trước", "Choose the city first");
    public static readonly LocalizedText Submit = new("Gửi đăng ký", "Send the registration");
    public static readonly LocalizedText DoneTitle = new("Đã gửi đăng ký, đang chờ duyệt", "Registration sent: it awaits approval");
    public static readonly LocalizedText DoneText = new(
        "Đăng ký của {0} đang chờ cán bộ phường/xã hoặc cơ quan phê duyệt xem xét. Khi được duyệt, {1} sẽ nhận email mời đặt mật khẩu; nếu bị từ chối, email sẽ nêu lý do.",
        "The registration of {0} awaits the ward's officer or the approving agency. Once it is approved, {1} receives an email inviting to set a password; if it is rejected, the email gives the reason.");
    public static readonly LocalizedText Again = new("Đăng ký doanh nghiệp khác", "Register another enterprise");
    public static readonly LocalizedText Back = new("Về trang đăng nhập", "Back to the sign-in page");
    public static readonly LocalizedText Link = new("Doanh nghiệp chưa có tài khoản? Đăng ký doanh nghiệp", "An enterprise without an account? Register it");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["fix"] = new("Đăng ký chưa hợp lệ: sửa các ô được đánh dấu.", "The registration is not valid: correct the fields marked."),
        ["doneText"] = DoneText,
        ["chooseCity"] = ChooseCity,
    };
}
