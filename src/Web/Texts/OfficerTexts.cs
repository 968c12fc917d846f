using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The officials' screens: the inbox, a request's review, the ward police's stamping.</summary>
internal static class OfficerTexts
{
    public static readonly LocalizedText InboxTitle = new("Yêu cầu chờ xử lý", "Requests awaiting you");
    public static readonly LocalizedText InboxHelp = new("Các yêu cầu đang chờ bước của bạn, cũ nhất trước.", "Requests waiting for your step, oldest first.");
    public static readonly LocalizedText Enterprise = new("Doanh nghiệp", "Enterprise");
    public static readonly LocalizedText Submitted = new("Ngày gửi", "Sent");
    public static readonly LocalizedText Kind = new("Loại", "Kind");
    public static readonly LocalizedText People = new("Số người", "People");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText Open = new("Xem xét", "Review");

    public static readonly LocalizedText ReviewTitle = new("Xem xét yêu cầu", "Review a request");
    public static readonly LocalizedText Back = new("Về danh sách chờ xử lý", "Back to the inbox");
    public static readonly LocalizedText Entries = new("Danh sách người", "People");
    public static readonly LocalizedText Verify = new("Xác minh", "Verify");
    public static readonly LocalizedText Approve = new("Duyệt những người đã chọn", "Approve the people selected");
    public static readonly LocalizedText RaiseQuota = new("Nâng hạn mức lên (không bắt buộc)", "Raise the quota to (optional)");
    public static readonly LocalizedText Reject = new("Từ chối yêu cầu", "Reject the request");
    public static readonly LocalizedText RejectReason = new("Lý do từ chối", "Reason for rejection");
    public static readonly LocalizedText Decision = new("Quyết định", "Decision");
    public static readonly LocalizedText Download = new("Tải tệp gốc", "Download the file sent");

    public static readonly LocalizedText StampsTitle = new("Giấy chờ đóng dấu xác nhận", "Permits awaiting the stamp");
    public static readonly LocalizedText StampSelected = new("Đóng dấu giấy đã chọn", "Stamp the selected");
    public static readonly LocalizedText Stamp = new("Đóng dấu", "Stamp");
    public static readonly LocalizedText Issued = new("Ngày cấp", "Issued");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["kind.addition"] = new("Bổ sung", "Addition"),
        ["kind.replacement"] = new("Thay thế", "Replacement"),
        ["kind.individual"] = new("Cá nhân", "Individual"),
        ["verified"] = new("Đã xác minh yêu cầu.", "The request is verified."),
        ["approved"] = new("Đã duyệt yêu cầu.", "The request is approved."),
        ["rejected"] = new("Đã từ chối yêu cầu.", "The request is rejected."),
        ["stamped"] = new("Đã đóng dấu {0} giấy.", "{0} permits stamped."),
        ["selectFirst"] = new("Chọn ít nhất một dòng.", "Select at least one row."),
        ["reasonRequired"] = new("Nhập lý do từ chối.", "Enter the reason."),
        ["quota"] = new("Hạn mức {0}, đang dùng {1}, còn lại {2}", "Quota {0}, {1} in use, {2} left"),
        ["select"] = new("Chọn {0}", "Select {0}"),
        ["stampOne"] = new("Đóng dấu giấy của {0}", "Stamp the permit of {0}"),
        ["stamp"] = Stamp,
        ["open"] = Open,
        ["openOne"] = new("Xem xét yêu cầu của {0}", "Review the request of {0}"),
        ["noAction"] = new("Yêu cầu không còn chờ bước của bạn.", "The request no longer waits for your step."),
        ["gender.male"] = new("Nam", "Male"),
        ["gender.female"] = new("Nữ", "Female"),
    }.Concat(StatusTexts.Requests).ToDictionary();

    public static readonly IReadOnlyDictionary<string, LocalizedText> StampScript =
        Script.Where(p => !p.Key.StartsWith("status.", StringComparison.Ordinal)).Concat(StatusTexts.Permits).ToDictionary();
}
