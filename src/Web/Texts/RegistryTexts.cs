using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The officials' enterprises screen: search, register, activate or reject, quota, clearing a period.</summary>
internal static class RegistryTexts
{
    public static readonly LocalizedText Title = new("Doanh nghiệp", "Enterprises");
    public static readonly LocalizedText Search = new("Tìm theo tên hoặc mã số thuế", "Search by name or tax code");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText All = new("Tất cả", "All");
    public static readonly LocalizedText Find = new("Tìm", "Search");
    public static readonly LocalizedText Name = new("Tên doanh nghiệp", "Name");
    public static readonly LocalizedText TaxCode = new("Mã số thuế", "Tax code");
    public static readonly LocalizedText Quota = new("Giấy / hạn mức", "Permits / quota");
    public static readonly LocalizedText Actions = new("Thao tác", "Actions");
    public static readonly LocalizedText Register = new("Đăng ký doanh nghiệp mới", "Register an enterprise");
    public static readonly LocalizedText RegisterHelp = new(
        "Doanh nghiệp do cán bộ đăng ký được kích hoạt ngay; email liên hệ nhận thư mời đặt mật khẩu.",
        "An enterprise registered by an official is active at once; its contact email receives the invitation to set a password.");
    public static readonly LocalizedText Address = new("Địa chỉ", "Address");
    public static readonly LocalizedText ContactEmail = new("Email liên hệ", "Contact email");
    public static readonly LocalizedText ContactPhone = new("Điện thoại liên hệ", "Contact phone");
    public static readonly LocalizedText Workforce = new("Số lao động", "Workforce");
    public static readonly LocalizedText Submit = new("Đăng ký", "Register");
    public static readonly LocalizedText RejectTitle = new("Từ chối đăng ký", "Reject the registration");
    public static readonly LocalizedText Reason = new("Lý do", "Reason");
    public static readonly LocalizedText QuotaTitle = new("Thay đổi hạn mức", "Change the quota");
    public static readonly LocalizedText QuotaHelp = new(
        "Điền số lao động hoặc tỷ lệ để tính lại hạn mức, hoặc điền hạn mức để đặt trực tiếp.",
        "Give the workforce or the ratio to recompute the quota, or the quota to set it directly.");
    public static readonly LocalizedText Ratio = new("Tỷ lệ (%)", "Ratio (%)");
    public static readonly LocalizedText NewQuota = new("Hạn mức", "Quota");
    public static readonly LocalizedText ClearTitle = new("Thu hồi mọi giấy của một đợt", "Revoke every permit of a period");
    public static readonly LocalizedText Period = new("Đợt", "Period");
    public static readonly LocalizedText Save = new("Lưu", "Save");
    public static readonly LocalizedText Confirm = new("Xác nhận", "Confirm");
    public static readonly LocalizedText Cancel = new("Hủy", "Cancel");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["activate"] = new("Kích hoạt", "Activate"),
        ["activateOne"] = new("Kích hoạt {0}", "Activate {0}"),
        ["reject"] = new("Từ chối", "Reject"),
        ["rejectOne"] = new("Từ chối {0}", "Reject {0}"),
        ["quota"] = new("Đổi hạn mức", "Change quota"),
        ["quotaOne"] = new("Đổi hạn mức của {0}", "Change quota of {0}"),
        ["clear"] = new("Thu hồi theo đợt", "Clear a period"),
        ["clearOne"] = new("Thu hồi theo đợt: {0}", "Clear a period: {0}"),
        ["activated"] = new("Đã kích hoạt {0}.", "{0} is active."),
        ["rejected"] = new("Đã từ chối {0}.", "{0} is rejected."),
        ["quotaChanged"] = new("Hạn mức của {0} là {1}.", "The quota of {0} is {1}."),
        ["cleared"] = new("Đã thu hồi {0} giấy của {1}.", "{0} permits of {1} revoked."),
        ["registered"] = new("Đã đăng ký {0}.", "{0} is registered."),
        ["reasonRequired"] = new("Nhập lý do.", "Enter the reason."),
        ["period"] = new("{0} ({1} – {2})", "{0} ({1} – {2})"),
        ["overQuota"] = new("Vượt hạn mức {0} giấy: chưa cấp thêm được", "{0} permits over the quota: none can be issued"),
    }.Concat(StatusTexts.Enterprises).Concat(LevelTexts.Words).ToDictionary();
}
