using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>The administrator's system screens: the geography import, the signing keys, the email outbox, the cluster, the dashboards.</summary>
internal static class SystemTexts
{
    public static readonly LocalizedText GeographyTitle = new("Danh mục đơn vị hành chính", "Administrative units");
    public static readonly LocalizedText GeographyHelp = new(
        "Tải lên danh mục đơn vị hành chính quốc gia (JSON của Tổng cục Thống kê: data[] → level1_id, level2s[] → level3s[]). Nhập lại chỉ cập nhật những gì đã đổi.",
        "Upload the national catalogue of administrative units (the GSO's JSON: data[] → level1_id, level2s[] → level3s[]). Importing again updates only what changed.");
    public static readonly LocalizedText File = new("Tệp danh mục (.json, tối đa 16 MB)", "Catalogue file (.json, up to 16 MB)");
    public static readonly LocalizedText Import = new("Nhập danh mục", "Import the catalogue");
    public static readonly LocalizedText Cities = new("Tỉnh/thành phố", "Cities and provinces");
    public static readonly LocalizedText Districts = new("Quận/huyện", "Districts");
    public static readonly LocalizedText Wards = new("Phường/xã", "Wards");
    public static readonly LocalizedText Created = new("Mới thêm", "Created");
    public static readonly LocalizedText Updated = new("Đã cập nhật", "Updated");
    public static readonly LocalizedText Result = new("Kết quả lần nhập", "Result of the import");

    public static readonly LocalizedText KeysTitle = new("Khóa ký giấy đi đường", "Permit signing keys");
    public static readonly LocalizedText KeysHelp = new(
        "Mã QR được ký bằng khóa hiện hành (ES256). Khóa đã thay vẫn được công bố để giấy đã cấp còn kiểm tra được; danh sách theo thứ tự tạo.",
        "QR codes are signed with the current key (ES256). Retired keys stay published so that permits already issued still verify; the list is in the order of creation.");
    public static readonly LocalizedText Kid = new("Mã khóa (kid)", "Key id (kid)");
    public static readonly LocalizedText Order = new("Thứ tự", "Order");
    public static readonly LocalizedText KeyStatus = new("Trạng thái", "Status");
    public static readonly LocalizedText KeyCreated = new("Tạo lúc", "Created");
    public static readonly LocalizedText KeyRetired = new("Thay lúc", "Retired");
    public static readonly LocalizedText Rotate = new("Thay khóa ký", "Rotate the signing key");
    public static readonly LocalizedText RotateTitle = new("Thay khóa ký?", "Rotate the signing key?");
    public static readonly LocalizedText RotateText = new(
        "Giấy cấp từ nay được ký bằng khóa mới; khóa hiện hành chuyển sang đã thay và vẫn được công bố. Các chốt kiểm soát ngoại tuyến cần tải lại danh sách khóa.",
        "Permits issued from now on are signed with a new key; the current key becomes retired and stays published. Offline checkpoints must fetch the keys again.");
    public static readonly LocalizedText Confirm = new("Thay khóa", "Rotate");
    public static readonly LocalizedText Cancel = new("Hủy", "Cancel");

    public static readonly LocalizedText OutboxTitle = new("Hộp thư đi", "Email outbox");
    public static readonly LocalizedText OutboxHelp = new(
        "Các email hệ thống gửi (thư mời, thông báo), đang chờ, đã gửi hoặc gửi không được.",
        "The emails the system sends (invitations, notices): pending, sent, or failed.");
    public static readonly LocalizedText Status = new("Trạng thái", "Status");
    public static readonly LocalizedText AllStatuses = new("Tất cả", "All");
    public static readonly LocalizedText Show = new("Xem", "Show");
    public static readonly LocalizedText To = new("Người nhận", "To");
    public static readonly LocalizedText Subject = new("Tiêu đề", "Subject");
    public static readonly LocalizedText Attempts = new("Lần gửi", "Attempts");
    public static readonly LocalizedText CreatedAt = new("Tạo lúc", "Created");
    public static readonly LocalizedText When = new("Gửi lúc / lần tới", "Sent / next attempt");
    public static readonly LocalizedText LastError = new("Lỗi gần nhất", "Last error");

    public static readonly LocalizedText ClusterTitle = new("Cụm máy chủ (Orleans)", "Server cluster (Orleans)");
    public static readonly LocalizedText ClusterHelp = new(
        "Mỗi máy chủ của hệ thống là một silo của cụm Orleans: trạng thái, lần báo còn sống gần nhất, số grain đang kích hoạt, CPU, bộ nhớ và thông điệp của từng silo; số grain đang kích hoạt theo từng loại.",
        "Each server of the system is a silo of the Orleans cluster: each silo's status, last heartbeat, active grains, CPU, memory and messages; the active grains of each class.");
    public static readonly LocalizedText Refresh = new("Làm mới", "Refresh");
    public static readonly LocalizedText Silos = new("Silo", "Silos");
    public static readonly LocalizedText Silo = new("Silo (máy · địa chỉ)", "Silo (host · address)");
    public static readonly LocalizedText SiloStatus = new("Trạng thái", "Status");
    public static readonly LocalizedText StartedAt = new("Khởi động lúc", "Started");
    public static readonly LocalizedText AliveAt = new("Báo còn sống lúc", "Last heartbeat");
    public static readonly LocalizedText Activations = new("Grain đang kích hoạt", "Active grains");
    public static readonly LocalizedText Cpu = new("CPU", "CPU");
    public static readonly LocalizedText Memory = new("Bộ nhớ", "Memory");
    public static readonly LocalizedText Messages = new("Thông điệp nhận / gửi", "Messages received / sent");
    public static readonly LocalizedText GrainTypes = new("Grain theo loại", "Grains by class");
    public static readonly LocalizedText GrainType = new("Loại grain", "Grain class");
    public static readonly LocalizedText BySilo = new("Theo silo", "By silo");

    public static readonly IReadOnlyDictionary<string, LocalizedText> OutboxStatuses = new Dictionary<string, LocalizedText>
    {
        ["status.pending"] = new("Đang chờ", "Pending"),
        ["status.sent"] = new("Đã gửi", "Sent"),
        ["status.failed"] = new("Không gửi được", "Failed"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Script = new Dictionary<string, LocalizedText>
    {
        ["imported"] = new("Đã nhập danh mục: {0} tỉnh/thành phố, {1} quận/huyện, {2} phường/xã.",
            "The catalogue is imported: {0} cities, {1} districts, {2} wards."),
        ["chooseFile"] = new("Chọn tệp danh mục.", "Choose the catalogue file."),
        ["current"] = new("Hiện hành", "Current"),
        ["retired"] = new("Đã thay", "Retired"),
        ["rotated"] = new("Đã thay khóa ký; khóa mới: {0}.", "The signing key is rotated; the new key: {0}."),
        ["next"] = new("lần tới {0}", "next {0}"),
        ["megabytes"] = new("{0} MB", "{0} MB"),
        ["messages"] = new("{0} / {1}", "{0} / {1}"),
        ["asOf"] = new("Số liệu lúc {0}", "As of {0}"),
        ["silo.active"] = new("Đang hoạt động", "Active"),
        ["silo.joining"] = new("Đang gia nhập", "Joining"),
        ["silo.created"] = new("Mới tạo", "Created"),
        ["silo.shuttingdown"] = new("Đang tắt", "Shutting down"),
        ["silo.stopping"] = new("Đang dừng", "Stopping"),
        ["silo.dead"] = new("Đã dừng", "Dead"),
    }.Concat(OutboxStatuses).ToDictionary();
}
