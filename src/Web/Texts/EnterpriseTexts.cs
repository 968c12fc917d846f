using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The enterprise clerk's screens: home, requests, permits.</summary>
internal static class EnterpriseTexts
{
    public static readonly LocalizedText HomeTitle = new("Trang chủ doanh nghiệp", "Enterprise home");
    public static readonly LocalizedText Quota = new("Hạn mức", "Quota");
    public static readonly LocalizedText Active = new("Giấy đang hiệu lực", "Live permits");
    public static readonly LocalizedText Remaining = new("Còn lại", "Places left");
    public static readonly LocalizedText Workforce = new("Số lao động", "Workforce");
    public static readonly LocalizedText Period = new("Đợt hiện tại", "Current period");
    public static readonly LocalizedText NoPeriod = new("Chưa có đợt nào đang hiệu lực; giấy cấp bây giờ có hiệu lực 14 ngày.",
        "No period is current; a permit issued now is valid for 14 days.");
    public static readonly LocalizedText NextSteps = new("Việc tiếp theo", "Next steps");
    public static readonly LocalizedText StepRequests = new("Gửi danh sách người lao động theo mẫu Excel", "Send the list of workers on the Excel template");
    public static readonly LocalizedText StepPermits = new("Cấp và in giấy đi đường cho người đã được duyệt", "Issue and print permits for approved people");

    public static readonly IReadOnlyDictionary<string, LocalizedText> HomeScript = new Dictionary<string, LocalizedText>
    {
        ["ratio"] = new("Tỷ lệ {0}% trên {1} lao động", "{0}% of {1} workers"),
        ["period"] = new("{0}: từ {1} đến {2}", "{0}: from {1} to {2}"),
        ["noPeriod"] = NoPeriod,
        ["lockdownNotice"] = new(
            "{0} đang bị phong tỏa: giấy đi đường của doanh nghiệp tạm dừng hiệu lực (chốt kiểm soát thấy \"tạm dừng\") cho đến khi dỡ bỏ phong tỏa.",
            "{0} is locked down: the enterprise's permits are suspended (checkpoints see \"suspended\") until the lockdown is lifted."),
        ["overQuota"] = new(
            "{0} giấy đang hiệu lực trên hạn mức {1} (vượt {2} giấy, vì hạn mức theo cấp độ dịch của phường/xã): chưa cấp thêm giấy được cho đến khi số giấy đang hiệu lực thấp hơn hạn mức. Không giấy nào bị thu hồi.",
            "{0} live permits against a quota of {1} ({2} over, since the quota follows the ward's epidemic level): no permit can be issued until the live permits are under the quota. None was revoked."),
    }.Concat(StatusTexts.Enterprises).Concat(LevelTexts.Words).ToDictionary();
}

/// <summary>The requests screen.</summary>
internal static class RequestTexts
{
    public static readonly LocalizedText Title = new("Yêu cầu cấp mới, thay đổi", "Requests");
    public static readonly LocalizedText Template = new("Tải mẫu Excel", "Download the Excel template");
    public static readonly LocalizedText TemplateHelp = new(
        "Điền danh sách vào mẫu (sheet \"Danh sách\"), giữ nguyên tiêu đề cột, rồi gửi tệp .xlsx ở đây.",
        "Fill the list in the template (sheet \"Danh sách\"), keep its column headers, then send the .xlsx file here.");
    public static readonly LocalizedText Upload = new("Gửi danh sách", "Send a list");
    public static readonly LocalizedText File = new("Tệp Excel (.xlsx)", "Excel file (.xlsx)");
    public static readonly LocalizedText Kind = new("Loại yêu cầu", "Kind of request");
    public static readonly LocalizedText Addition = new("Bổ sung người vào danh sách đã duyệt", "Add people to the approved list");
    public static readonly LocalizedText Replacement = new("Thay thế toàn bộ danh sách đã duyệt", "Replace the whole approved list");
    public static readonly LocalizedText Note = new("Ghi chú (không bắt buộc)", "Note (optional)");
    public static readonly LocalizedText Send = new("Gửi", "Send");
    public static readonly LocalizedText List = new("Các yêu cầu đã gửi", "Requests sent");
    public static readonly LocalizedText Submitted = new("Ngày gửi", "Sent");
    public static readonly LocalizedText People = new("Số người", "People");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText Reason = new("Lý do từ chối", "Reason for rejection");
    public static readonly LocalizedText FileName = new("Tệp", "File");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["sent"] = new("Đã gửi yêu cầu với {0} người; phường/xã sẽ xem xét.", "Request sent with {0} people; the ward will review it."),
        ["rowErrors"] = new("Tệp có {0} lỗi; không có gì được lưu. Sửa các dòng sau rồi gửi lại:", "The file has {0} errors; nothing was stored. Fix these rows and send it again:"),
        ["row"] = new("Dòng", "Row"),
        ["rowErrorsTable"] = new("Các dòng lỗi", "Rows in error"),
        ["column"] = new("Cột", "Column"),
        ["message"] = new("Lỗi", "Error"),
        ["chooseFile"] = new("Chọn tệp Excel.", "Choose an Excel file."),
        ["kind.addition"] = new("Bổ sung", "Addition"),
        ["kind.replacement"] = new("Thay thế", "Replacement"),
    }.Concat(StatusTexts.Requests).ToDictionary();
}

/// <summary>Statuses as the screens name them.</summary>
internal static class StatusTexts
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Requests = new Dictionary<string, LocalizedText>
    {
        ["status.submitted"] = new("Đã gửi", "Submitted"),
        ["status.verified"] = new("Đã xác minh", "Verified"),
        ["status.approved"] = new("Đã duyệt", "Approved"),
        ["status.partially_approved"] = new("Duyệt một phần", "Partly approved"),
        ["status.rejected"] = new("Bị từ chối", "Rejected"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Enterprises = new Dictionary<string, LocalizedText>
    {
        ["status.pending"] = new("Chờ duyệt", "Pending"),
        ["status.active"] = new("Đang hoạt động", "Active"),
        ["status.rejected"] = new("Bị từ chối", "Rejected"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Permits = new Dictionary<string, LocalizedText>
    {
        ["status.approved"] = new("Chờ đóng dấu", "Awaiting stamp"),
        ["status.stamped"] = new("Đã đóng dấu", "Stamped"),
        ["status.issued"] = new("Đang hiệu lực", "In force"),
        ["status.revoked"] = new("Đã thu hồi", "Revoked"),
        ["status.expired"] = new("Hết hạn", "Expired"),
    };
}

/// <summary>The permits screen.</summary>
internal static class PermitTexts
{
    public static readonly LocalizedText Title = new("Giấy đi đường", "Permits");
    public static readonly LocalizedText Issue = new("Cấp giấy cho người đã được duyệt", "Issue permits to approved people");
    public static readonly LocalizedText IssueHelp = new("Những người trong danh sách đã duyệt chưa có giấy đang hiệu lực.",
        "People of the approved list who hold no live permit.");
    public static readonly LocalizedText Search = new("Tìm theo tên hoặc số CCCD/CMND", "Search by name or ID number");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText AllStatuses = new("Tất cả", "All");
    public static readonly LocalizedText Find = new("Tìm", "Search");
    public static readonly LocalizedText IssueSelected = new("Cấp giấy cho người đã chọn", "Issue to the people selected");
    public static readonly LocalizedText Permits = new("Giấy đã cấp", "Permits issued");
    public static readonly LocalizedText PrintSelected = new("In giấy đã chọn (PDF)", "Print the selected (PDF)");
    public static readonly LocalizedText RevokeSelected = new("Thu hồi giấy đã chọn", "Revoke the selected");
    public static readonly LocalizedText Name = new("Họ và tên", "Full name");
    public static readonly LocalizedText IdNumber = new("Số CCCD/CMND", "ID number");
    public static readonly LocalizedText Birth = new("Ngày sinh", "Date of birth");
    public static readonly LocalizedText Position = new("Chức vụ", "Position");
    public static readonly LocalizedText ValidTo = new("Hiệu lực đến", "Valid until");
    public static readonly LocalizedText Qr = new("Mã QR", "QR code");
    public static readonly LocalizedText Select = new("Chọn", "Select");
    public static readonly LocalizedText SelectAll = new("Chọn tất cả", "Select all");
    public static readonly LocalizedText RevokeTitle = new("Thu hồi giấy đi đường", "Revoke permits");
    public static readonly LocalizedText RevokeReason = new("Lý do thu hồi", "Reason");
    public static readonly LocalizedText Confirm = new("Thu hồi", "Revoke");
    public static readonly LocalizedText Cancel = new("Hủy", "Cancel");
    public static readonly LocalizedText Close = new("Đóng", "Close");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["issued"] = new("Đã cấp {0} giấy đi đường.", "{0} permits issued."),
        ["revoked"] = new("Đã thu hồi {0} giấy.", "{0} permits revoked."),
        ["printed"] = new("Đã tạo tệp PDF của {0} giấy.", "The PDF of {0} permits is ready."),
        ["openPdf"] = new("Mở tệp PDF", "Open the PDF"),
        ["selectFirst"] = new("Chọn ít nhất một dòng.", "Select at least one row."),
        ["reasonRequired"] = new("Nhập lý do thu hồi.", "Enter the reason."),
        ["showQr"] = new("Xem QR của {0}", "Show QR of {0}"),
        ["select"] = new("Chọn {0}", "Select {0}"),
        ["showQrShort"] = new("Xem QR", "Show QR"),
        ["qrAlt"] = new("Mã QR giấy đi đường của {0}", "QR code of the permit of {0}"),
    }.Concat(StatusTexts.Permits).ToDictionary();
}
