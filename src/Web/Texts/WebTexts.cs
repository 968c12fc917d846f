using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The texts of the layout and of the pages every role has, in Vietnamese and English.</summary>
internal static class WebTexts
{
    public static readonly LocalizedText AppName = new("Giấy đi đường", "Travel permits");
    public static readonly LocalizedText SkipToContent = new("Chuyển đến nội dung chính", "Skip to the main content");
    public static readonly LocalizedText MainMenu = new("Menu chính", "Main menu");
    public static readonly LocalizedText SignOut = new("Đăng xuất", "Sign out");
    public static readonly LocalizedText Language = new("Ngôn ngữ", "Language");
    public static readonly LocalizedText OtherLanguage = new("English", "Tiếng Việt");
    public static readonly LocalizedText OtherLanguageLabel = new("Switch to English", "Chuyển sang tiếng Việt");
    public static readonly LocalizedText Footer = new(
        "Hệ thống cấp giấy đi đường · mã nguồn mở (Apache 2.0) · giờ Việt Nam (UTC+07:00)",
        "Travel permit system · open source (Apache 2.0) · Vietnam time (UTC+07:00)");
    public static readonly LocalizedText Loading = new("Đang tải…", "Loading…");
    public static readonly LocalizedText SignedInAs = new("Đăng nhập với", "Signed in as");
    public static readonly LocalizedText More = new("Xem thêm", "Show more");
    public static readonly LocalizedText ScrollableTable = new("Bảng (cuộn ngang trên màn hình hẹp)", "Table (scrolls sideways on a narrow screen)");

    public static class SignIn
    {
        public static readonly LocalizedText Title = new("Đăng nhập", "Sign in");
        public static readonly LocalizedText Intro = new(
            "Hệ thống cấp và kiểm tra giấy đi đường có mã QR cho doanh nghiệp, phường/xã, công an và chốt kiểm soát.",
            "The system that issues and checks QR travel permits for enterprises, wards, police and checkpoints.");
        public static readonly LocalizedText Email = new("Email", "Email");
        public static readonly LocalizedText Password = new("Mật khẩu", "Password");
        public static readonly LocalizedText Submit = new("Đăng nhập", "Sign in");
        public static readonly LocalizedText EmailRequired = new("Nhập email.", "Enter your email.");
        public static readonly LocalizedText PasswordRequired = new("Nhập mật khẩu.", "Enter your password.");
    }

    public static class SetPassword
    {
        public static readonly LocalizedText Title = new("Đặt mật khẩu", "Set your password");
        public static readonly LocalizedText Intro = new(
            "Chọn mật khẩu cho tài khoản của bạn: ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số.",
            "Choose the password of your account: at least 10 characters with an upper-case letter, a lower-case letter and a digit.");
        public static readonly LocalizedText Email = new("Email", "Email");
        public static readonly LocalizedText Token = new("Mã trong email", "Code from the email");
        public static readonly LocalizedText Password = new("Mật khẩu mới", "New password");
        public static readonly LocalizedText Confirm = new("Nhập lại mật khẩu", "Repeat the password");
        public static readonly LocalizedText Submit = new("Đặt mật khẩu", "Set the password");
        public static readonly LocalizedText Mismatch = new("Hai mật khẩu không giống nhau.", "The two passwords differ.");
        public static readonly LocalizedText Done = new("Đã đặt mật khẩu. Bạn có thể đăng nhập.", "Your password is set. You can sign in now.");
        public static readonly LocalizedText GoSignIn = new("Đến trang đăng nhập", "Go to the sign-in page");
    }

    public static class Forbidden
    {
        public static readonly LocalizedText Title = new("Không có quyền truy cập", "Not allowed");
        public static readonly LocalizedText Text = new("Vai trò của bạn không dùng được trang này.", "Your role cannot use this page.");
        public static readonly LocalizedText Back = new("Về trang của bạn", "Back to your page");
    }

    public static class Nav
    {
        public static readonly LocalizedText Home = new("Trang chủ", "Home");
        public static readonly LocalizedText Requests = new("Yêu cầu cấp mới, thay đổi", "Requests");
        public static readonly LocalizedText Permits = new("Giấy đi đường", "Permits");
        public static readonly LocalizedText Inbox = new("Xử lý yêu cầu", "Inbox");
        public static readonly LocalizedText Stamps = new("Xác nhận giấy", "Stamping");
        public static readonly LocalizedText Users = new("Người dùng", "Users");
        public static readonly LocalizedText Checkpoint = new("Kiểm tra giấy", "Check a permit");
        public static readonly LocalizedText Enterprises = new("Doanh nghiệp", "Enterprises");
        public static readonly LocalizedText Levels = new("Cấp độ dịch", "Epidemic levels");
        public static readonly LocalizedText Policies = new("Chính sách và đợt", "Policies and periods");
        public static readonly LocalizedText Stats = new("Thống kê", "Statistics");
        public static readonly LocalizedText Audit = new("Nhật ký", "Audit trail");
        public static readonly LocalizedText Applications = new("Hồ sơ cá nhân", "Individual applications");
        public static readonly LocalizedText Geography = new("Danh mục hành chính", "Geography");
        public static readonly LocalizedText Keys = new("Khóa ký", "Signing keys");
        public static readonly LocalizedText Outbox = new("Hộp thư đi", "Email outbox");
        public static readonly LocalizedText Cluster = new("Cụm máy chủ", "Cluster");
        public static readonly LocalizedText Hangfire = new("Tác vụ nền (Hangfire)", "Jobs (Hangfire)");
    }

    /// <summary>Words the pages' scripts need in any screen.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Common = new Dictionary<string, LocalizedText>
    {
        ["error"] = new("Đã có lỗi; vui lòng thử lại.", "Something went wrong; try again."),
        ["offline"] = new("Không kết nối được máy chủ.", "The server cannot be reached."),
        ["none"] = new("Không có mục nào.", "Nothing here."),
        ["more"] = More,
        ["loading"] = Loading,
    };
}
