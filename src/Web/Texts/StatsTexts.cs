using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The statistics screen of officials and the admin.</summary>
internal static class StatsTexts
{
    public static readonly LocalizedText Title = new("Thống kê", "Statistics");
    public static readonly LocalizedText Help = new(
        "Số liệu trong phạm vi của bạn; chọn tỉnh/thành phố, phường/xã hoặc doanh nghiệp để thu hẹp.",
        "Figures within your scope; choose a city, ward or enterprise to narrow them.");
    public static readonly LocalizedText City = new("Mã tỉnh/thành phố", "City code");
    public static readonly LocalizedText Ward = new("Phường/xã", "Ward");
    public static readonly LocalizedText Enterprise = new("Doanh nghiệp", "Enterprise");
    public static readonly LocalizedText All = new("Tất cả", "All");
    public static readonly LocalizedText Show = new("Xem số liệu", "Show the figures");
    public static readonly LocalizedText Enterprises = new("Doanh nghiệp", "Enterprises");
    public static readonly LocalizedText Requests = new("Yêu cầu của doanh nghiệp", "Enterprises' requests");
    public static readonly LocalizedText Applications = new("Đơn cá nhân", "Individual applications");
    public static readonly LocalizedText Permits = new("Giấy đi đường", "Permits");
    public static readonly LocalizedText Places = new("Suất theo hạn mức", "Quota places");
    public static readonly LocalizedText Period = new("Đợt hiện tại", "Current period");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["scope"] = new("Phạm vi: {0}", "Scope: {0}"),
        ["scope.all"] = new("toàn hệ thống", "the whole system"),
        ["scope.city"] = new("tỉnh/thành phố {0}", "city {0}"),
        ["scope.ward"] = new("phường/xã {0}", "ward {0}"),
        ["scope.enterprise"] = new("doanh nghiệp {0}", "enterprise {0}"),
        ["asOf"] = new("Số liệu lúc {0} (giờ Việt Nam).", "Figures as of {0} (Vietnam time)."),
        ["total"] = new("Tổng: {0}", "Total: {0}"),
        ["places.quota"] = new("Hạn mức", "Quota"),
        ["places.taken"] = new("Đang dùng", "In use"),
        ["places.remaining"] = new("Còn lại", "Left"),
        ["period"] = new("{0}: {1} – {2}", "{0}: {1} – {2}"),
        ["period.issued"] = new("Giấy cấp trong đợt: {0}", "Permits issued in the period: {0}"),
        ["noPeriod"] = new("Không có đợt nào đang diễn ra.", "No period is current."),
        ["chart"] = new("{0}: biểu đồ cột, số liệu ghi bên cạnh", "{0}: bar chart, the numbers beside each bar"),
    }.Concat(Prefixed("enterprise.", StatusTexts.Enterprises))
     .Concat(Prefixed("request.", StatusTexts.Requests))
     .Concat(Prefixed("permit.", StatusTexts.Permits))
     .ToDictionary();

    /// <summary>Three lists of statuses share names (<c>approved</c>, <c>rejected</c>): each under its own prefix.</summary>
    private static IEnumerable<KeyValuePair<string, LocalizedText>> Prefixed(string prefix, IReadOnlyDictionary<string, LocalizedText> texts) =>
        texts.Select(p => new KeyValuePair<string, LocalizedText>(prefix + p.Key, p.Value));
}
