using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The administrator's users screen.</summary>
internal static class AdminTexts
{
    public static readonly LocalizedText UsersTitle = new("Người dùng", "Users");
    public static readonly LocalizedText Create = new("Tạo người dùng", "Create a user");
    public static readonly LocalizedText Email = new("Email", "Email");
    public static readonly LocalizedText FullName = new("Họ và tên", "Full name");
    public static readonly LocalizedText Role = new("Vai trò", "Role");
    public static readonly LocalizedText City = new("Mã tỉnh/thành phố (cơ quan phê duyệt, chốt kiểm soát)", "City code (approver, checkpoint)");
    public static readonly LocalizedText Ward = new("Mã phường/xã (cán bộ phường, công an)", "Ward code (ward officer, police)");
    public static readonly LocalizedText Enterprise = new("Mã doanh nghiệp (tài khoản doanh nghiệp)", "Enterprise id (enterprise account)");
    public static readonly LocalizedText Password = new("Mật khẩu ban đầu", "Initial password");
    public static readonly LocalizedText PasswordHelp = new("Ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số.",
        "At least 10 characters with an upper-case letter, a lower-case letter and a digit.");
    public static readonly LocalizedText Submit = new("Tạo", "Create");
    public static readonly LocalizedText Scope = new("Phạm vi", "Scope");
    public static readonly LocalizedText All = new("Danh sách người dùng", "All users");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["created"] = new("Đã tạo tài khoản {0}.", "The account {0} is created."),
    };
}
