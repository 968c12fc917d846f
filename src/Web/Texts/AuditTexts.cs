using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The audit trail screen (admin, approver).</summary>
internal static class AuditTexts
{
    public static readonly LocalizedText Title = new("Nhật ký thao tác", "Audit trail");
    public static readonly LocalizedText Help = new(
        "Mọi thay đổi trong hệ thống, mới nhất trước; cơ quan phê duyệt thấy những thay đổi của tỉnh/thành phố mình.",
        "Every change in the system, newest first; an approver sees the changes of their city.");
    public static readonly LocalizedText EntityType = new("Loại đối tượng", "Kind of record");
    public static readonly LocalizedText EntityId = new("Mã đối tượng", "Record id");
    public static readonly LocalizedText Action = new("Thao tác", "Action");
    public static readonly LocalizedText ActionHelp = new("Vd. enterprise.activated, hoặc enterprise. cho mọi thao tác về doanh nghiệp.",
        "E.g. enterprise.activated, or enterprise. for every action on enterprises.");
    public static readonly LocalizedText All = new("Tất cả", "All");
    public static readonly LocalizedText Find = new("Lọc", "Filter");
    public static readonly LocalizedText At = new("Thời điểm", "When");
    public static readonly LocalizedText Actor = new("Người thực hiện", "Who");
    public static readonly LocalizedText Details = new("Chi tiết", "Details");
    public static readonly LocalizedText More = new("Xem thêm", "Show more");

    /// <summary>The kinds of record the modules audit, as they name them.</summary>
    public static readonly IReadOnlyList<(string Type, LocalizedText Text)> Types =
    [
        ("enterprise", new("Doanh nghiệp", "Enterprise")),
        ("request", new("Yêu cầu", "Request")),
        ("application", new("Đơn cá nhân", "Individual application")),
        ("permit", new("Giấy đi đường", "Permit")),
        ("period", new("Đợt", "Period")),
        ("ward", new("Chính sách phường/xã", "Ward policy")),
        ("city", new("Chính sách tỉnh/thành phố", "City policy")),
        ("user", new("Người dùng", "User")),
        ("catalogue", new("Danh mục hành chính", "Catalogue")),
        ("signing_key", new("Khóa ký", "Signing key")),
    ];

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["shown"] = new("Đang hiển thị {0} dòng.", "{0} lines shown."),
    }.Concat(Types.Select(t => new KeyValuePair<string, LocalizedText>("type." + t.Type, t.Text))).ToDictionary();
}
