namespace TravelPermits.SharedKernel.Localization;

/// <summary>Messages every module shows; a module keeps its own texts beside its code.</summary>
public static class CommonTexts
{
    public static readonly LocalizedText NotFound = new("Không tìm thấy {0}.", "The {0} was not found.");
    public static readonly LocalizedText InvalidTransition = new(
        "Không thể {0} khi đang ở trạng thái '{1}'.", "Cannot {0} while the status is '{1}'.");
    public static readonly LocalizedText ValidationFailed = new(
        "Dữ liệu gửi lên không hợp lệ.", "The request is not valid.");
    public static readonly LocalizedText MalformedBody = new(
        "Nội dung yêu cầu không đọc được.", "The request body could not be read.");
    public static readonly LocalizedText MalformedJson = new(
        "Nội dung JSON không hợp lệ ở dòng {0}, ký tự {1}.", "The JSON body is not valid at line {0}, character {1}.");
    public static readonly LocalizedText WrongJsonValue = new(
        "Giá trị của \"{0}\" không đúng kiểu.", "The value of \"{0}\" has the wrong type.");
    public static readonly LocalizedText ClusterUnavailable = new(
        "Một máy chủ của hệ thống vừa ngừng hoạt động; vui lòng thử lại sau ít giây.",
        "A server of the system has just stopped; try again in a few seconds.");
    public static readonly LocalizedText InvalidCursor = new("Con trỏ phân trang không hợp lệ.", "The paging cursor is not valid.");

    public static LocalizedText ForStatus(int status) => status switch
    {
        400 => new("Yêu cầu không hợp lệ.", "Bad request."),
        401 => new("Bạn cần đăng nhập.", "You must sign in."),
        403 => new("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
        404 => new("Không tìm thấy.", "Not found."),
        405 => new("Phương thức không được hỗ trợ cho địa chỉ này.", "This method is not allowed on this address."),
        409 => new("Thao tác bị từ chối theo quy định nghiệp vụ.", "A business rule refused the change."),
        413 => new("Nội dung gửi lên quá lớn.", "The request body is too large."),
        415 => new("Kiểu nội dung không được hỗ trợ.", "The media type is not supported."),
        422 => new("Tệp có dòng không hợp lệ.", "The file has invalid rows."),
        429 => new("Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests, try again later."),
        503 => new("Dịch vụ tạm thời không sẵn sàng.", "The service is temporarily unavailable."),
        _ => new("Đã xảy ra lỗi hệ thống.", "An unexpected error occurred."),
    };

    public static string CodeForStatus(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "invalid_rows",
        429 => "rate_limited",
        503 => "unavailable",
        _ => "internal_error",
    };
}
