using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// Every refusal of an uploaded file that is not the template, or not one within its limits:
/// 400 <c>invalid_template</c> (or <c>too_many_rows</c>) with a detail that says what is wrong.
/// </summary>
internal static class TemplateTexts
{
    public static ProblemException Invalid(LocalizedText message) => new(400, "invalid_template", message);

    public static ProblemException TooManyRows() => new(400, "too_many_rows", Texts.TooManyRows.Format(TemplateLayout.MaxRows));

    public static ProblemException PartTooLarge(Uri part, long limit) =>
        Invalid(Texts.PartTooLarge.Format(part.OriginalString, limit / (1024 * 1024), TemplateLayout.MaxRows));

    public static ProblemException SectionTooLarge(Uri part) => Invalid(Texts.SectionTooLarge.Format(part.OriginalString));

    public static ProblemException RowTooLarge(int row, string sheet) =>
        Invalid(Texts.RowTooLarge.Format(row, sheet, TemplateLimits.MaxRowBytes / 1024));

    public static class Texts
    {
        public static readonly LocalizedText NotXlsx = new(
            "Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu tại GET /api/v1/requests/template.xlsx, điền và lưu ở dạng .xlsx.",
            "The file is not an Excel workbook (.xlsx). Download the template from GET /api/v1/requests/template.xlsx, fill it in and save it as .xlsx.");
        public static readonly LocalizedText OldXls = new(
            "Tệp ở định dạng Excel 97-2003 (.xls). Hãy dùng mẫu của hệ thống và lưu ở dạng .xlsx.",
            "The file is in the Excel 97-2003 format (.xls). Use the system's template and save it as .xlsx.");
        public static readonly LocalizedText Damaged = new("Tệp bảng tính bị hỏng hoặc không đọc được.", "The workbook is damaged or cannot be read.");
        public static readonly LocalizedText TooLarge = new(
            "Tệp giải nén ra quá lớn so với một danh sách; hệ thống từ chối xử lý.", "The file inflates far beyond any list; it is refused.");
        public static readonly LocalizedText NotOurTemplate = new(
            "Tệp không phải mẫu danh sách của hệ thống (thiếu trang đánh dấu mẫu). Hãy tải mẫu tại GET /api/v1/requests/template.xlsx.",
            "The file is not this system's request template (its marker sheet is missing). Download it from GET /api/v1/requests/template.xlsx.");
        public static readonly LocalizedText WrongVersion = new(
            "Mẫu phiên bản {0} đã cũ; hãy tải mẫu phiên bản {1}.", "Template version {0} is outdated; download version {1}.");
        public static readonly LocalizedText MissingSheet = new(
            "Không tìm thấy trang \"{0}\" (trang đã bị đổi tên hoặc xóa). Các trang có trong tệp: {1}.",
            "The sheet \"{0}\" is missing (renamed or deleted). Sheets in the file: {1}.");
        public static readonly LocalizedText HeadersChanged = new("Tiêu đề cột đã bị thay đổi.", "The column headers were changed.");
        public static readonly LocalizedText HeaderMismatch = new(
            "Cột {0} phải là \"{1}\", đang là \"{2}\".", "Column {0} must be \"{1}\", not \"{2}\".");
        public static readonly LocalizedText PartTooLarge = new(
            "Phần {0} của tệp giải nén ra hơn {1} MB, vượt xa mọi danh sách {2} dòng; hệ thống từ chối xử lý.",
            "The part {0} of the file inflates to more than {1} MB, far beyond any list of {2} rows; the file is refused.");
        public static readonly LocalizedText SectionTooLarge = new(
            "Phần {0} của tệp chứa một mục giải nén ra quá lớn, nhiều hơn mọi ô hay mục mà Excel có thể lưu; hệ thống từ chối xử lý.",
            "The part {0} of the file holds an item that inflates beyond anything Excel stores in a cell or section; the file is refused.");
        public static readonly LocalizedText RowTooLarge = new(
            "Dòng {0} của trang \"{1}\" giải nén ra hơn {2} KB, quá nhiều so với 9 cột A–I của mẫu; hãy xóa các ô thừa bên phải cột I và các ô quá dài, rồi lưu lại.",
            "Row {0} of the sheet \"{1}\" inflates to more than {2} KB, far more than the template's 9 columns A–I hold; delete the extra cells right of column I and any overlong cell, then save again.");
        public static readonly LocalizedText TooManyRows = new(
            "Danh sách có quá {0} dòng; hãy chia thành nhiều tệp.", "The list has more than {0} rows; split it into several files.");
    }
}
