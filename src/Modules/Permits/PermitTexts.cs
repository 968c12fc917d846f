using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Permits;

internal static class PermitTexts
{
    public static readonly LocalizedText Permit = new("giấy đi đường", "permit");
    public static readonly LocalizedText Enterprise = new("doanh nghiệp", "enterprise");
    public static readonly LocalizedText NotActive = new("Doanh nghiệp chưa được kích hoạt.", "The enterprise is not active.");
    public static readonly LocalizedText NotInApprovedList = new(
        "{0} người không có trong danh sách được duyệt của doanh nghiệp; không giấy nào được cấp.",
        "{0} people are not on the enterprise's approved list; no permit was issued.");
    public static readonly LocalizedText DuplicatePerson = new(
        "{0} người đã có giấy đi đường còn hiệu lực; không giấy nào được cấp.", "{0} people already hold a live permit; no permit was issued.");
    public static readonly LocalizedText QuotaExceeded = new(
        "Cần {0} suất nhưng hạn mức chỉ còn {1}; không giấy nào được cấp.", "{0} places are needed but only {1} remain; no permit was issued.");
    public static readonly LocalizedText Stamp = new("đóng dấu", "stamp");
    public static readonly LocalizedText Revoke = new("thu hồi", "revoke");
    public static readonly LocalizedText UnknownStatus = new(
        "status phải là approved, stamped, issued, revoked hoặc expired.", "status must be approved, stamped, issued, revoked or expired.");
    public static readonly LocalizedText EntryIdsRequired = new("Cần từ 1 đến 10.000 entryIds.", "Give 1 to 10,000 entryIds.");
}
