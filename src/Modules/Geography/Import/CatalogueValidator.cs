using FluentValidation;
using TravelPermits.Geography.Contracts;

namespace TravelPermits.Geography.Import;

internal sealed class CatalogueValidator : AbstractValidator<Catalogue>
{
    public CatalogueValidator()
    {
        RuleFor(c => c.Data).NotEmpty();
        RuleForEach(c => c.Data).NotNull();
        RuleForEach(c => c.Data).ChildRules(city =>
        {
            city.RuleFor(c => c!.Type).MaximumLength(100).OverridePropertyName("type");
            city.RuleForEach(c => c!.Level2s).NotNull();
            city.RuleFor(c => c!.Level1Id).NotEmpty().Matches("^[0-9]{2}$").OverridePropertyName("level1_id");
            city.RuleFor(c => c!.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
            city.RuleForEach(c => c!.Level2s).ChildRules(district =>
            {
                district.RuleFor(d => d!.Level2Id).NotEmpty().Matches("^[0-9]{3}$").OverridePropertyName("level2_id");
                district.RuleFor(d => d!.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
                district.RuleFor(d => d!.Type).MaximumLength(100).OverridePropertyName("type");
                district.RuleForEach(d => d!.Level3s).NotNull();
                district.RuleForEach(d => d!.Level3s).ChildRules(ward =>
                {
                    ward.RuleFor(w => w!.Level3Id).NotEmpty().Matches("^[0-9]{5}$").OverridePropertyName("level3_id");
                    ward.RuleFor(w => w!.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
                    ward.RuleFor(w => w!.Type).MaximumLength(100).OverridePropertyName("type");
                });
            });
        });
        RuleFor(c => c.Data).Must(HaveUniqueCodes).When(c => c.Data is not null)
            .WithMessage(_ => GeographyTexts.DuplicateCodes.Resolve());
    }

    private static bool HaveUniqueCodes(IReadOnlyList<CatalogueCity?>? cities)
    {
        var all = cities!.Where(c => c is not null).ToList();
        var districts = all.SelectMany(c => c!.Level2s ?? []).Where(d => d is not null).ToList();
        var wards = districts.SelectMany(d => d!.Level3s ?? []).Where(w => w is not null).ToList();
        return Unique(all.Select(c => c!.Level1Id)) && Unique(districts.Select(d => d!.Level2Id)) && Unique(wards.Select(w => w!.Level3Id));
    }

    private static bool Unique(IEnumerable<string?> codes)
    {
        var seen = new HashSet<string?>();
        return codes.All(seen.Add);
    }
}

internal static class GeographyTexts
{
    public static readonly SharedKernel.Localization.LocalizedText DuplicateCodes = new(
        "Danh mục có mã đơn vị hành chính trùng nhau.", "The catalogue repeats an administrative unit's code.");
}
