using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The checkpoint's scanner: a token typed, pasted or scanned, and the verification in large type.</summary>
internal static class CheckpointTexts
{
    public static readonly LocalizedText Title = new("Kiểm tra giấy đi đường", "Check a permit");
    public static readonly LocalizedText Token = new("Mã trên giấy, hoặc đường dẫn …/V/… của mã QR", "The permit's code, or the QR code's …/V/… link");
    public static readonly LocalizedText TokenHelp = new(
        "Dán hoặc gõ mã rồi nhấn Kiểm tra; máy quét mã QR cắm vào máy tính cũng gõ vào ô này.",
        "Paste or type the code and press Check; a QR scanner plugged into the computer types into this field too.");
    public static readonly LocalizedText Check = new("Kiểm tra", "Check");
    public static readonly LocalizedText Scan = new("Quét mã QR bằng camera", "Scan the QR code with the camera");
    public static readonly LocalizedText StopScan = new("Tắt camera", "Turn the camera off");
    public static readonly LocalizedText Camera = new("Hình ảnh từ camera", "Camera view");
    public static readonly LocalizedText Result = new("Kết quả", "Result");
    public static readonly LocalizedText Recent = new("Các lượt kiểm tra gần đây", "Recent checks");
    public static readonly LocalizedText Photo = new("Chụp ảnh mã QR", "Take a photo of the QR code");
    public static readonly LocalizedText PhotoInput = new("Ảnh mã QR", "Photo of the QR code");
    public static readonly LocalizedText Next = new("Quét mã tiếp theo", "Scan the next code");
    public static readonly LocalizedText AppName = new("Kiểm tra giấy đi đường", "Permit checks");
    public static readonly LocalizedText AppShortName = new("Kiểm tra giấy", "Checks");

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        // The words of the phone page /v/{token} (Permits/Verify/VerificationPage.cs), and the suspension's.
        ["result.valid"] = new("HỢP LỆ", "VALID"),
        ["result.revoked"] = new("ĐÃ THU HỒI", "REVOKED"),
        ["result.expired"] = new("HẾT HẠN", "EXPIRED"),
        ["result.not_yet_valid"] = new("CHƯA CÓ HIỆU LỰC", "NOT YET VALID"),
        ["result.suspended"] = new("TẠM DỪNG – PHONG TỎA", "SUSPENDED – LOCKDOWN"),
        ["result.unknown"] = new("KHÔNG CÓ TRONG HỆ THỐNG", "NOT IN THE SYSTEM"),
        ["result.invalid"] = new("GIẢ MẠO HOẶC HỎNG", "FORGED OR DAMAGED"),
        ["result.unchecked"] = new("KHÔNG KIỂM TRA ĐƯỢC", "CANNOT BE CHECKED"),
        ["holder"] = new("Họ và tên", "Full name"),
        ["idNumber"] = new("Số CCCD/CMND", "ID number"),
        ["birth"] = new("Ngày sinh", "Date of birth"),
        ["enterprise"] = new("Doanh nghiệp", "Enterprise"),
        ["ward"] = new("Phường/xã", "Ward"),
        ["validity"] = new("Hiệu lực", "Valid"),
        ["checkedAt"] = new("Kiểm tra lúc", "Checked at"),
        ["range"] = new("{0} – {1}", "{0} – {1}"),
        ["suspension"] = new("{0} bị phong tỏa từ {1}.", "{0} is locked down since {1}."),
        ["suspensionReason"] = new("Lý do: {0}", "Reason: {0}"),
        ["empty"] = new("Nhập hoặc dán mã của giấy.", "Type or paste the permit's code."),
        ["cameraFailed"] = new("Không mở được camera: {0}", "The camera cannot be opened: {0}"),
        ["photoUnread"] = new("Không đọc được mã QR trong ảnh. Chụp lại gần hơn, đủ sáng, hoặc gõ mã.",
            "No QR code could be read in the photo. Take it again closer and in good light, or type the code."),
        // Offline verification (docs/qr-format.md, "Verifying offline").
        ["offline"] = new("NGOẠI TUYẾN: kiểm tra trên máy theo danh sách thu hồi và phong tỏa lúc {0}.",
            "OFFLINE: checked on this phone against the revocation and lockdown list of {0}."),
        ["offlineNoList"] = new("NGOẠI TUYẾN: máy chưa có khóa và danh sách thu hồi, không kiểm tra được khi mất mạng.",
            "OFFLINE: this phone has no keys and revocation list yet, so it cannot check without a network."),
        ["offlineNoValidity"] = new("Khi ngoại tuyến không biết thời hạn của giấy: đối chiếu với đợt cấp giấy hiện hành.",
            "Offline, the permit's validity dates are unknown: compare with the current period."),
        ["offlinePeriod"] = new("Giấy còn hiệu lực đến hết đợt \"{0}\" ({1}), nếu không bị thu hồi sau lúc danh sách được tải.",
            "The permit is valid until the end of the period \"{0}\" ({1}), unless revoked after the list was fetched."),
        ["offlineNoPeriod"] = new("Theo danh sách đã tải, không có đợt cấp giấy nào đang hiệu lực: giấy có thể đã hết hạn, cần kiểm tra khi có mạng.",
            "By the list fetched, no period is in force now: the permit may have expired; check it again online."),
        ["periodValidity"] = new("Hiệu lực theo đợt", "Valid through the period"),
        ["kept"] = new("Kiểm tra được khi mất mạng, theo danh sách lúc {0}.", "Checks work without a network, with the list of {0}."),
        ["keptNone"] = new("Chưa tải danh sách để kiểm tra khi mất mạng.", "The list for checks without a network is not downloaded yet."),
        ["keptOffline"] = new("Đang ngoại tuyến: kiểm tra theo danh sách lúc {0}.", "Offline: checks use the list of {0}."),
        ["holderOnCode"] = new("Họ và tên (trên mã)", "Full name (in the code)"),
        ["idOnCode"] = new("Số CCCD/CMND (trên mã)", "ID number (in the code)"),
        ["offlineShort"] = new("ngoại tuyến", "offline"),
        ["revokedAt"] = new("Thu hồi lúc", "Revoked at"),
    };
}
