using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Accounts.Auth;

internal static class AccountsTexts
{
    public static readonly LocalizedText InvalidCredentials = new("Email hoặc mật khẩu không đúng.", "The email or password is wrong.");
    public static readonly LocalizedText LockedOut = new(
        "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.",
        "The account is locked after repeated failed sign-ins. Try again later.");
    public static readonly LocalizedText InvalidRefreshToken = new(
        "Mã làm mới phiên đăng nhập không hợp lệ hoặc đã hết hạn.", "The refresh token is not valid or has expired.");
    public static readonly LocalizedText EmailTaken = new("Email này đã được dùng cho một tài khoản khác.", "This email is used by another account.");
    public static readonly LocalizedText UnknownRole = new("Vai trò không hợp lệ.", "Unknown role.");
    public static readonly LocalizedText ScopeRequired = new("Trường này bắt buộc với vai trò đã chọn.", "This field is required for the chosen role.");
    public static readonly LocalizedText ScopeNotAllowed = new("Trường này không dùng cho vai trò đã chọn.", "This field does not apply to the chosen role.");
    public static readonly LocalizedText UnknownWard = new("Không có phường/xã với mã này.", "No ward has this code.");
    public static readonly LocalizedText UnknownCity = new("Không có tỉnh/thành phố với mã này.", "No city has this code.");
    public static readonly LocalizedText UnknownEnterprise = new("Không có doanh nghiệp với mã này.", "No enterprise has this id.");
    public static readonly LocalizedText User = new("người dùng", "user");

    public static readonly LocalizedText PasswordTooShort = new("Mật khẩu phải có ít nhất {0} ký tự.", "The password must have at least {0} characters.");
    public static readonly LocalizedText PasswordRequiresDigit = new("Mật khẩu phải có ít nhất một chữ số.", "The password must contain a digit.");
    public static readonly LocalizedText PasswordRequiresLower = new("Mật khẩu phải có ít nhất một chữ thường.", "The password must contain a lower-case letter.");
    public static readonly LocalizedText PasswordRequiresUpper = new("Mật khẩu phải có ít nhất một chữ hoa.", "The password must contain an upper-case letter.");
    public static readonly LocalizedText PasswordRequiresUniqueChars = new(
        "Mật khẩu phải có ít nhất {0} ký tự khác nhau.", "The password must use at least {0} different characters.");
}
