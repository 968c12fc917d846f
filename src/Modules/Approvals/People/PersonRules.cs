using System.Globalization;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.People;

/// <summary>A person's fields as text, from a sheet row or a form.</summary>
internal sealed record PersonText(
    string? FullName, string? IdNumber, string? DateOfBirth, string? Gender, string? Phone, string? Position, string? Residence, string? Workplace);

internal sealed record Person(
    string FullName, string IdNumber, DateOnly DateOfBirth, string Gender, string? Phone, string? Position, string Residence, string? Workplace);

internal enum PersonField
{
    FullName,
    IdNumber,
    DateOfBirth,
    Gender,
    Phone,
    Position,
    Residence,
    Workplace,
}

internal sealed record PersonError(PersonField Field, LocalizedText Message);

/// <summary>The checks a ward officer would make on a person, with every error at once.</summary>
internal static class PersonRules
{
    public const string Male = "male";
    public const string Female = "female";
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd"];

    public static (Person? Person, List<PersonError> Errors) Check(PersonText input, DateOnly today, bool genderRequired = true) =>
        Check(input, IdNumber.ProvinceCodes, today, genderRequired);

    public static (Person? Person, List<PersonError> Errors) Check(PersonText input, IReadOnlySet<string> provinceCodes, DateOnly today, bool genderRequired = true)
    {
        var errors = new List<PersonError>();

        var name = VietnameseText.Normalize(input.FullName ?? "");
        if (name.Length == 0)
        {
            errors.Add(new(PersonField.FullName, Texts.Required));
        }
        else if (name.Length > 100 || !name.All(c => char.IsLetter(c) || c is ' ' or '\'' or '-' or '.' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
        {
            errors.Add(new(PersonField.FullName, Texts.Name));
        }

        DateOnly? birth = null;
        var dateText = input.DateOfBirth?.Trim() ?? "";
        if (dateText.Length == 0)
        {
            errors.Add(new(PersonField.DateOfBirth, Texts.Required));
        }
        else if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add(new(PersonField.DateOfBirth, Texts.Date.Format(dateText)));
        }
        else if (parsed > today || parsed.Year < 1900)
        {
            errors.Add(new(PersonField.DateOfBirth, Texts.DateRange.Format(parsed.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))));
        }
        else
        {
            birth = parsed;
        }

        string? gender = VietnameseText.Fold(input.Gender ?? "") switch
        {
            "nam" or "male" or "m" => Male,
            "nu" or "female" or "f" => Female,
            _ => null,
        };
        if (gender is null && (genderRequired || !string.IsNullOrWhiteSpace(input.Gender)))
        {
            errors.Add(new(PersonField.Gender, Texts.Gender));
        }

        var id = CleanIdNumber(input.IdNumber);
        if (id.Length == 0)
        {
            errors.Add(new(PersonField.IdNumber, Texts.Required));
        }
        else if (IdNumber.Check(id, birth, gender is null ? null : gender == Female, provinceCodes) is { } idError)
        {
            errors.Add(new(PersonField.IdNumber, idError));
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = VietnamesePhone.Normalize(input.Phone);
            if (phone is null)
            {
                errors.Add(new(PersonField.Phone, Texts.Phone));
            }
        }

        var position = Optional(input.Position, 100, PersonField.Position, errors);
        var residence = VietnameseText.Normalize(input.Residence ?? "");
        if (residence.Length == 0)
        {
            errors.Add(new(PersonField.Residence, Texts.Required));
        }
        else if (residence.Length > 300)
        {
            errors.Add(new(PersonField.Residence, Texts.TooLong.Format(300)));
        }
        var workplace = Optional(input.Workplace, 300, PersonField.Workplace, errors);

        return errors.Count > 0
            ? (null, errors)
            : (new Person(name, id, birth!.Value, gender ?? "", phone, position, residence, workplace), errors);
    }

    /// <summary>The ID number as stored: white space removed.</summary>
    public static string CleanIdNumber(string? text) => new((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string? Optional(string? text, int max, PersonField field, List<PersonError> errors)
    {
        var value = VietnameseText.Normalize(text ?? "");
        if (value.Length > max)
        {
            errors.Add(new(field, Texts.TooLong.Format(max)));
        }
        return value.Length == 0 ? null : value;
    }

    public static class Texts
    {
        public static readonly LocalizedText Required = new("Không được để trống.", "Required.");
        public static readonly LocalizedText Name = new(
            "Họ và tên chỉ gồm chữ cái và khoảng trắng, tối đa 100 ký tự.", "A full name has letters and spaces only, at most 100 characters.");
        public static readonly LocalizedText Date = new(
            "Ngày sinh \"{0}\" không đúng dạng ngày/tháng/năm.", "The date of birth \"{0}\" is not a day/month/year date.");
        public static readonly LocalizedText DateRange = new(
            "Ngày sinh {0} không hợp lệ (trong tương lai hoặc trước năm 1900).", "The date of birth {0} is in the future or before 1900.");
        public static readonly LocalizedText Gender = new("Giới tính phải là Nam hoặc Nữ.", "The gender must be Nam or Nữ.");
        public static readonly LocalizedText Phone = new(
            "Số điện thoại không phải số di động hoặc cố định của Việt Nam.", "The phone number is not a Vietnamese mobile or landline number.");
        public static readonly LocalizedText TooLong = new("Tối đa {0} ký tự.", "At most {0} characters.");
        public static readonly LocalizedText DuplicateInFile = new(
            "Số CCCD/CMND trùng với dòng {0}.", "The ID number repeats row {0}.");
        public static readonly LocalizedText AlreadyApproved = new(
            "Người này đã có trong danh sách được duyệt của doanh nghiệp.", "This person is already on the enterprise's approved list.");
        public static readonly LocalizedText HoldsPermitElsewhere = new(
            "Người này đang có giấy đi đường còn hiệu lực của doanh nghiệp khác.", "This person holds a live permit of another enterprise.");
    }
}
