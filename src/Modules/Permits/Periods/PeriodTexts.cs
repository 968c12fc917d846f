using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Permits.Periods;

/// <summary>What the periods' refusals say, in Vietnamese and English.</summary>
internal static class PeriodTexts
{
    public static readonly LocalizedText Period = new("giai đoạn hiệu lực", "validity period");
    public static readonly LocalizedText City = new("thành phố", "city");
    public static readonly LocalizedText NoSuchCity = new("Không có thành phố, tỉnh này.", "No such city or province.");
    public static readonly LocalizedText TooLong = new("Một giai đoạn dài tối đa một năm.", "A period lasts at most a year.");
    public static readonly LocalizedText Overlap = new(
        "Giai đoạn này trùng thời gian với giai đoạn \"{0}\".", "This period overlaps the period \"{0}\".");
    public static readonly LocalizedText NotLater = new(
        "Giai đoạn nhận phải bắt đầu từ khi giai đoạn \"{0}\" kết thúc trở đi.", "The receiving period must start at or after the end of \"{0}\".");
    public static readonly LocalizedText AlreadyRolling = new(
        "Giấy của giai đoạn này đã được chuyển sang một giai đoạn khác.", "The permits of this period are already being carried into another period.");
    public static readonly LocalizedText OtherCity = new(
        "Hai giai đoạn phải cùng một thành phố.", "Both periods must be of the same city.");
    public static readonly LocalizedText EveryCity = new(
        "Giai đoạn chung cho mọi thành phố do quản trị viên quản lý.", "A period of every city is managed by an admin.");
    public static readonly LocalizedText AlreadyClosed = new(
        "Giai đoạn này đã kết thúc và các giấy của nó đã hết hạn.", "This period has ended and its permits have expired.");
}
