using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>
/// A ward's epidemic level as every screen names it (Resolution 128/NQ-CP: 1 low, 2 medium, 3 high,
/// 4 very high), its lockdown, and the ward levels screen (approver, admin).
/// </summary>
internal static class LevelTexts
{
    /// <summary>The words of <c>ward-level.js</c>: a badge's text is the level's number and name, never its colour alone.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Words = new Dictionary<string, LocalizedText>
    {
        ["level.1"] = new("Cấp 1 – Thấp", "Level 1 – Low"),
        ["level.2"] = new("Cấp 2 – Trung bình", "Level 2 – Medium"),
        ["level.3"] = new("Cấp 3 – Cao", "Level 3 – High"),
        ["level.4"] = new("Cấp 4 – Rất cao", "Level 4 – Very high"),
        ["lockdown"] = new("Phong tỏa", "Lockdown"),
    };

    public static LocalizedText Level(int level) => Words[$"level.{level}"];

    public static readonly LocalizedText Title = new("Cấp độ dịch của phường/xã", "Wards' epidemic levels");
    public static readonly LocalizedText Intro = new(
        "Cấp độ theo Nghị quyết 128/NQ-CP. Hạn mức của doanh nghiệp theo cấp độ đang áp dụng; khi phường/xã bị phong tỏa, giấy đi đường của doanh nghiệp trong phường/xã tạm dừng hiệu lực.",
        "Levels of Resolution 128/NQ-CP. Enterprises' quotas follow the level in force; while a ward is locked down, the permits of its enterprises are suspended.");
    public static readonly LocalizedText City = new("Mã tỉnh/thành phố", "City code");
    public static readonly LocalizedText LevelFilter = new("Cấp độ", "Level");
    public static readonly LocalizedText All = new("Tất cả", "All");
    public static readonly LocalizedText Show = new("Xem", "Show");
    public static readonly LocalizedText Wards = new("Các phường/xã", "Wards");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText Now = new("Cấp độ đang áp dụng", "Level in force");
    public static readonly LocalizedText NowColumn = new("Cấp độ hiện tại", "Level now");
    public static readonly LocalizedText NewDecision = new("Quyết định mới", "New decision");
    public static readonly LocalizedText NewLevel = new("Cấp độ", "Level");
    public static readonly LocalizedText Lockdown = new("Phong tỏa phường/xã (giấy đi đường của doanh nghiệp trong phường/xã tạm dừng hiệu lực)",
        "Lock the ward down (the permits of its enterprises are suspended)");
    public static readonly LocalizedText Reason = new("Lý do (căn cứ quyết định)", "Reason (what the decision rests on)");
    public static readonly LocalizedText ReasonColumn = new("Lý do", "Reason");
    public static readonly LocalizedText Effective = new("Có hiệu lực từ (giờ Việt Nam, dd/MM/yyyy HH:mm; để trống: ngay bây giờ)",
        "In force from (Vietnam time, dd/MM/yyyy HH:mm; empty: now)");
    public static readonly LocalizedText Submit = new("Ban hành", "Decide");
    public static readonly LocalizedText History = new("Lịch sử quyết định", "Decisions");
    public static readonly LocalizedText Since = new("Áp dụng từ", "From");
    public static readonly LocalizedText SetBy = new("Người quyết định", "Decided by");
    public static readonly LocalizedText SetAt = new("Ghi nhận lúc", "Recorded at");
    public static readonly LocalizedText State = new("Tình trạng", "State");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["chooseCity"] = new("Nhập mã tỉnh/thành phố.", "Enter a city code."),
        ["adjustOne"] = new("Điều chỉnh cấp độ của {0}", "Change the level of {0}"),
        ["wardTitle"] = new("{0} ({1})", "{0} ({1})"),
        ["inForceSince"] = new("từ {0}", "since {0}"),
        ["neverAssessed"] = new("chưa có quyết định nào (mặc định)", "no decision yet (the default)"),
        ["state.inForce"] = new("Đang áp dụng", "In force"),
        ["state.scheduled"] = new("Sẽ áp dụng", "Scheduled"),
        ["state.superseded"] = new("Đã thay thế", "Superseded"),
        ["saved"] = new("{0}: {1}{2} từ {3}.", "{0}: {1}{2} from {3}."),
        ["scheduledSaved"] = new("{0}: {1}{2} sẽ áp dụng từ {3}.", "{0}: {1}{2} will be in force from {3}."),
        ["withLockdown"] = new(", phong tỏa", ", locked down"),
        ["badInstant"] = new("Nhập thời điểm theo dạng dd/MM/yyyy HH:mm (giờ Việt Nam).", "Type the time as dd/MM/yyyy HH:mm (Vietnam time)."),
    };
}
