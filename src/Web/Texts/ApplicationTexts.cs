using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The individual applications screen: the area police enter them, the ward's chain decides them.</summary>
internal static class ApplicationTexts
{
    public static readonly LocalizedText Title = new("Hồ sơ cá nhân", "Individual applications");
    public static readonly LocalizedText Enter = new("Nhập hồ sơ của người dân", "Enter a citizen's application");
    public static readonly LocalizedText EnterHelp = new(
        "Người dân không thuộc doanh nghiệp nộp hồ sơ tại công an khu vực nơi cư trú. Hồ sơ do công an khu vực nhập được coi là đã xác minh.",
        "Citizens without an employer apply through the area police of their ward. An application the area police enter counts as verified.");
    public static readonly LocalizedText FullName = new("Họ và tên", "Full name");
    public static readonly LocalizedText IdNumber = new("Số CCCD", "ID number (CCCD)");
    public static readonly LocalizedText IdNumberHelp = new("12 chữ số.", "12 digits.");
    public static readonly LocalizedText Birth = new("Ngày sinh", "Date of birth");
    public static readonly LocalizedText BirthHelp = new("dd/MM/yyyy, ví dụ 05/09/1985.", "dd/MM/yyyy, for example 05/09/1985.");
    public static readonly LocalizedText Gender = new("Giới tính (không bắt buộc)", "Gender (optional)");
    public static readonly LocalizedText NoGender = new("Không ghi", "Not given");
    public static readonly LocalizedText Male = new("Nam", "Male");
    public static readonly LocalizedText Female = new("Nữ", "Female");
    public static readonly LocalizedText Phone = new("Điện thoại", "Phone");
    public static readonly LocalizedText Address = new("Địa chỉ cư trú", "Address");
    public static readonly LocalizedText Reason = new("Lý do đi lại", "Reason for travel");
    public static readonly LocalizedText Destination = new("Nơi đến", "Destination");
    public static readonly LocalizedText Submit = new("Gửi hồ sơ", "Submit the application");
    public static readonly LocalizedText Awaiting = new("Hồ sơ chờ bạn xử lý", "Applications awaiting you");
    public static readonly LocalizedText AwaitingHelp = new("Cũ nhất trước.", "Oldest first.");
    public static readonly LocalizedText ByStatus = new("Hồ sơ theo trạng thái", "Applications by status");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText All = new("Tất cả phường/xã", "Every ward");
    public static readonly LocalizedText Show = new("Xem", "Show");
    public static readonly LocalizedText Person = new("Người nộp", "Applicant");
    public static readonly LocalizedText Travel = new("Lý do / nơi đến", "Reason / destination");
    public static readonly LocalizedText Submitted = new("Ngày nhập", "Entered");
    public static readonly LocalizedText Actions = new("Thao tác", "Actions");
    public static readonly LocalizedText RejectTitle = new("Từ chối hồ sơ", "Reject the application");
    public static readonly LocalizedText RejectReason = new("Lý do từ chối", "Reason for rejection");
    public static readonly LocalizedText Confirm = new("Từ chối", "Reject");
    public static readonly LocalizedText Cancel = new("Hủy", "Cancel");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["entered"] = new("Đã nhập hồ sơ của {0}.", "The application of {0} is entered."),
        ["approved"] = new("Đã duyệt hồ sơ của {0}.", "The application of {0} is approved."),
        ["rejected"] = new("Đã từ chối hồ sơ của {0}.", "The application of {0} is rejected."),
        ["approve"] = new("Duyệt", "Approve"),
        ["approveOne"] = new("Duyệt hồ sơ của {0}", "Approve the application of {0}"),
        ["reject"] = new("Từ chối", "Reject"),
        ["rejectOne"] = new("Từ chối hồ sơ của {0}", "Reject the application of {0}"),
        ["reasonRequired"] = new("Nhập lý do từ chối.", "Enter the reason."),
        ["fix"] = new("Hồ sơ chưa hợp lệ: sửa các ô được đánh dấu.", "The application is not valid: correct the fields marked."),
        ["born"] = new("Sinh {0}", "Born {0}"),
        ["permit"] = new("Đã có giấy đi đường", "Permit issued"),
        ["gender.male"] = Male,
        ["gender.female"] = Female,
    }.Concat(StatusTexts.Requests).ToDictionary();
}
