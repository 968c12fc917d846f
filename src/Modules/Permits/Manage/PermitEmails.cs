using System.Text;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Manage;

internal static class PermitEmails
{
    public static (string Subject, string Body) Revoked(string enterpriseName, IReadOnlyList<Permit> permits, string reason)
    {
        var body = new StringBuilder()
            .AppendLine($"Kính gửi {enterpriseName},")
            .AppendLine()
            .AppendLine($"{permits.Count} giấy đi đường của doanh nghiệp đã bị thu hồi. Lý do: {reason}")
            .AppendLine();
        foreach (var p in permits.OrderBy(p => p.HolderName, StringComparer.Ordinal))
        {
            body.AppendLine($"- {p.HolderName} ({p.IdNumberMasked})");
        }
        body.AppendLine().AppendLine("Các suất này đã được trả lại hạn mức của doanh nghiệp.").AppendLine().Append("Hệ thống cấp giấy đi đường");
        return ($"Thu hồi {permits.Count} giấy đi đường của {enterpriseName}", body.ToString());
    }
}
