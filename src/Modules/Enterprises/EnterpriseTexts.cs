using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Enterprises;

internal static class EnterpriseTexts
{
    public static readonly LocalizedText Enterprise = new("doanh nghiệp", "enterprise");
    public static readonly LocalizedText Ward = new("phường/xã", "ward");
    public static readonly LocalizedText City = new("tỉnh/thành phố", "city");
    public static readonly LocalizedText InvalidTaxCode = new(
        "Mã số thuế phải gồm 10 chữ số (hoặc 10 chữ số, dấu gạch và 3 chữ số với chi nhánh) và đúng chữ số kiểm tra.",
        "The tax code must be 10 digits (or 10 digits, a dash and 3 digits for a branch) with a valid check digit.");
    public static readonly LocalizedText InvalidPhone = new(
        "Số điện thoại không phải số di động hoặc cố định của Việt Nam.", "The phone number is not a Vietnamese mobile or landline number.");
    public static readonly LocalizedText UnknownWard = new("Không có phường/xã với mã này.", "No ward has this code.");
    public static readonly LocalizedText OutsideWard = new(
        "Bạn chỉ được đăng ký doanh nghiệp trong địa bàn của mình.", "You may only register enterprises within your own area.");
    public static readonly LocalizedText Superseded = new(
        "Doanh nghiệp đã được cơ quan có thẩm quyền đăng ký trực tiếp.", "The enterprise was registered directly by an official.");
    public static readonly LocalizedText DuplicateTaxCode = new(
        "Mã số thuế này đã được đăng ký.", "This tax code is already registered.");
    public static readonly LocalizedText ContactEmailInUse = new(
        "Email liên hệ này đã được dùng để đăng nhập cho một tài khoản khác. Vui lòng dùng email liên hệ khác cho doanh nghiệp.",
        "This contact email already signs in another user account. Give another contact email for the enterprise.");
    public static readonly LocalizedText ContactEmailTaken = new(
        "Email liên hệ của doanh nghiệp đã được dùng để đăng nhập cho một tài khoản khác sau khi đăng ký. "
            + "Hãy từ chối hồ sơ để doanh nghiệp đăng ký lại với email liên hệ khác.",
        "The enterprise's contact email has since come to sign in another user account. "
            + "Reject the registration so that the enterprise registers again with another contact email.");
    public static readonly LocalizedText QuotaBelowActive = new(
        "Không thể hạ hạn mức xuống {0} khi doanh nghiệp đang có {1} giấy đi đường còn hiệu lực.",
        "The quota cannot go down to {0} while the enterprise has {1} live permits.");
    public static readonly LocalizedText ConcurrentChange = new(
        "Doanh nghiệp vừa được người khác cập nhật, vui lòng thử lại.", "The enterprise was changed by someone else; try again.");
    public static readonly LocalizedText NothingToChange = new(
        "Cần ít nhất một trong workforce, ratioPercent, quota.", "Give at least one of workforce, ratioPercent, quota.");
    public static readonly LocalizedText Activate = new("kích hoạt", "activate");
    public static readonly LocalizedText Reject = new("từ chối", "reject");
    public static readonly LocalizedText NotActive = new(
        "Doanh nghiệp chưa được kích hoạt.", "The enterprise is not active.");
}
