namespace TravelPermits.Approvals.Template;

internal sealed record TemplateColumn(string Letter, string Header, double Width, string Hint);

/// <summary>
/// The request template, version 1. The hidden sheet <see cref="MarkerSheet"/> names the
/// template and its version, so that an upload can tell this system's template (re-saved by any
/// spreadsheet program) from any other file.
/// </summary>
internal static class TemplateLayout
{
    public const string DataSheet = "Danh sách";
    public const string InstructionsSheet = "Hướng dẫn";
    public const string MarkerSheet = "_template";
    public const string Marker = "travel-permits/request-template";
    public const int Version = 1;
    public const int MaxRows = 20_000;
    public const string FileName = "mau-danh-sach-giay-di-duong.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const int FullName = 0;
    public const int IdNumber = 1;
    public const int DateOfBirth = 2;
    public const int Gender = 3;
    public const int Phone = 4;
    public const int Position = 5;
    public const int Residence = 6;
    public const int Workplace = 7;
    public const int Note = 8;

    public static readonly TemplateColumn[] Columns =
    [
        new("A", "Họ và tên", 28, "Bắt buộc. Viết có dấu, ví dụ: Nguyễn Văn An."),
        new("B", "Số CCCD/CMND", 18, "Bắt buộc. 12 chữ số (CCCD) hoặc 9 chữ số (CMND); ô đã định dạng văn bản để giữ số 0 ở đầu."),
        new("C", "Ngày sinh", 14, "Bắt buộc. Dạng ngày/tháng/năm, ví dụ 05/09/1990."),
        new("D", "Giới tính", 10, "Bắt buộc. Chọn Nam hoặc Nữ."),
        new("E", "Số điện thoại", 16, "Không bắt buộc. Số di động hoặc cố định Việt Nam."),
        new("F", "Chức vụ", 20, "Không bắt buộc."),
        new("G", "Nơi ở hiện nay (phường/xã)", 34, "Bắt buộc. Phường/xã, quận/huyện nơi đang ở."),
        new("H", "Địa chỉ nơi làm việc", 34, "Không bắt buộc. Địa chỉ nơi người lao động đến làm việc."),
        new("I", "Ghi chú", 20, "Không bắt buộc; không được lưu."),
    ];
}
