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
        ["status.pending"] = new("Chờ duyệt", "Pending"),
        ["status.active"] = new("Đang hoạt động", "Active"),
        ["status.rejected"] = new("Bị từ chối", "Rejected"),
    };
}
