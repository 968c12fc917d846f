using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;

namespace TravelPermits.Approvals.Chain;

internal static class ApprovalEmails
{
    private static string KindText(Request r) => r.Kind == RequestKind.Replacement ? "thay thế" : "bổ sung";

    public static (string Subject, string Body) Approved(Request r, int approved, int total) => (
        approved == total ? "Danh sách đề nghị cấp giấy đi đường đã được duyệt" : "Danh sách đề nghị cấp giấy đi đường được duyệt một phần",
        $"""
        Danh sách {KindText(r)} gửi lúc {r.SubmittedAt.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} đã được duyệt: {approved}/{total} người.
        Doanh nghiệp có thể cấp giấy đi đường cho những người đã được duyệt, trong hạn mức của mình.
        Mã danh sách: {r.Id}

        Hệ thống cấp giấy đi đường
        """);

    public static (string Subject, string Body) Rejected(Request r, string reason) => (
        "Danh sách đề nghị cấp giấy đi đường bị từ chối",
        $"""
        Danh sách {KindText(r)} gửi lúc {r.SubmittedAt.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} ({r.EntryCount} người) không được duyệt.
        Lý do: {reason}
        Mã danh sách: {r.Id}

        Hệ thống cấp giấy đi đường
        """);
}
