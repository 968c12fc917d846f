using System.Globalization;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Periods;

internal static class PeriodEmails
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>"Validity extended", to an enterprise, once per rollover.</summary>
    public static (string Subject, string Body) Extended(string enterpriseName, int count, Period to)
    {
        var until = to.EndsAt.ToOffset(VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        var body =
            $"Kính gửi {enterpriseName},\n\n" +
            $"{count} giấy đi đường của doanh nghiệp đã được gia hạn sang giai đoạn \"{to.Label}\", " +
            $"có hiệu lực đến {until} (giờ Việt Nam).\n\n" +
            "Mã QR và các giấy đã in vẫn giữ nguyên giá trị: không cần in lại.\n\n" +
            "Hệ thống cấp giấy đi đường";
        return ($"Gia hạn {count} giấy đi đường của {enterpriseName} đến {until}", body);
    }
}
