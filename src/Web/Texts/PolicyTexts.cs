using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The policies and periods screen (approver, admin).</summary>
internal static class PolicyTexts
{
    public static readonly LocalizedText Title = new("Chính sách và đợt cấp giấy", "Policies and periods");
    public static readonly LocalizedText City = new("Mã tỉnh/thành phố", "City code");
    public static readonly LocalizedText CityColumn = new("Tỉnh/thành phố", "City");
    public static readonly LocalizedText Load = new("Xem", "Show");
    public static readonly LocalizedText CityPolicy = new("Chính sách của tỉnh/thành phố", "City policy");
    public static readonly LocalizedText CityRatio = new("Tỷ lệ mặc định (%) cho phường/xã không có tỷ lệ riêng",
        "Default ratio (%) of wards without their own");
    public static readonly LocalizedText WardPolicy = new("Chính sách của phường/xã", "Ward policy");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText WardRatio = new("Tỷ lệ riêng (%) — để trống để theo tỉnh/thành phố",
        "Own ratio (%) — empty to follow the city");
    public static readonly LocalizedText Chain = new("Quy trình duyệt", "Approval chain");
    public static readonly LocalizedText PoliceVerify = new("Công an khu vực xác minh trước khi duyệt", "The area police verify before the decision");
    public static readonly LocalizedText PoliceStamp = new("Công an phường đóng dấu xác nhận giấy", "The ward police stamp the permits");
    public static readonly LocalizedText Save = new("Lưu", "Save");
    public static readonly LocalizedText Periods = new("Các đợt", "Periods");
    public static readonly LocalizedText Label = new("Tên đợt", "Label");
    public static readonly LocalizedText Starts = new("Bắt đầu", "Starts");
    public static readonly LocalizedText Ends = new("Kết thúc", "Ends");
    public static readonly LocalizedText State = new("Tình trạng", "State");
    public static readonly LocalizedText Actions = new("Thao tác", "Actions");
    public static readonly LocalizedText Create = new("Tạo đợt mới", "Create a period");
    public static readonly LocalizedText StartDay = new("Từ ngày (dd/MM/yyyy)", "From (dd/MM/yyyy)");
    public static readonly LocalizedText EndDay = new("Đến hết ngày (dd/MM/yyyy)", "Through (dd/MM/yyyy)");
    public static readonly LocalizedText PeriodCity = new("Mã tỉnh/thành phố (để trống: mọi tỉnh/thành phố)", "City code (empty: every city)");
    public static readonly LocalizedText Submit = new("Tạo đợt", "Create");
    public static readonly LocalizedText RolloverTitle = new("Chuyển giấy sang đợt sau", "Carry the permits into a later period");
    public static readonly LocalizedText RolloverHelp = new(
        "Mọi giấy còn hiệu lực của đợt được chuyển sang đợt đã chọn; mã QR giữ nguyên.",
        "Every live permit of the period becomes valid in the period chosen; QR codes stay the same.");
    public static readonly LocalizedText ToPeriod = new("Sang đợt", "Into");
    public static readonly LocalizedText Confirm = new("Chuyển", "Carry");
    public static readonly LocalizedText Cancel = new("Hủy", "Cancel");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["citySaved"] = new("Đã lưu tỷ lệ của tỉnh/thành phố: {0}%.", "The city's ratio is saved: {0}%."),
        ["wardSaved"] = new("Đã lưu chính sách của {0}.", "The policy of {0} is saved."),
        ["effective"] = new("Tỷ lệ đang áp dụng: {0}%", "Ratio in force: {0}%"),
        ["created"] = new("Đã tạo đợt {0}.", "The period {0} is created."),
        ["rolledOver"] = new("Đã chuyển {0} giấy của {1} doanh nghiệp sang đợt {2}.", "{0} permits of {1} enterprises carried into {2}."),
        ["badDate"] = new("Nhập ngày theo dạng dd/MM/yyyy.", "Type the date as dd/MM/yyyy."),
        ["current"] = new("Đang diễn ra", "Current"),
        ["upcoming"] = new("Sắp tới", "Upcoming"),
        ["ended"] = new("Đã kết thúc", "Ended"),
        ["closed"] = new("Đã khép lại {0}", "Closed {0}"),
        ["everyCity"] = new("mọi tỉnh/thành phố", "every city"),
        ["rollover"] = new("Chuyển sang đợt sau", "Carry forward"),
        ["rolloverOne"] = new("Chuyển sang đợt sau: {0}", "Carry forward: {0}"),
        ["noLater"] = new("Chưa có đợt nào sau đợt này.", "No later period exists yet."),
    };
}
