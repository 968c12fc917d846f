using System.Text.Json;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Host.Demo;

/// <summary>
/// Loads a demo city through the modules' contracts: Da Nang's wards, one user of each role, a few enterprises.
/// Running it again adds only what is missing.
/// </summary>
internal sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    IGeographyImport geography,
    IAccountAdministration accounts,
    IEnterpriseDirectory enterprises,
    IEnterpriseRegistration registration,
    ILogger<DemoSeeder> logger)
{
    public const string DaNang = "48";
    public const string DemoWard = "20227"; // Phường Thanh Bình, Quận Hải Châu

    public async Task SeedAsync(CancellationToken ct)
    {
        var catalogue = await LoadCatalogueAsync(ct);
        await geography.ImportAsync(catalogue, ct);

        var password = options.Value.Password;
        NewAccount[] users =
        [
            new("approver@danang.demo", password, "Sở Y tế Đà Nẵng", Roles.Approver, CityCode: DaNang),
            new("checkpoint@danang.demo", password, "Chốt kiểm soát Hải Châu", Roles.Checkpoint, CityCode: DaNang),
            new("ward-officer@danang.demo", password, "UBND phường Thanh Bình", Roles.WardOfficer, WardCode: DemoWard),
            new("area-police@danang.demo", password, "Công an khu vực Thanh Bình", Roles.AreaPolice, WardCode: DemoWard),
            new("ward-police@danang.demo", password, "Công an phường Thanh Bình", Roles.WardPolice, WardCode: DemoWard),
        ];
        foreach (var user in users)
        {
            if (!await accounts.ExistsAsync(user.Email, ct))
            {
                await accounts.CreateAsync(user, ct);
            }
        }

        var enterpriseIds = new List<Guid>();
        foreach (var enterprise in Enterprises)
        {
            enterpriseIds.Add((await enterprises.FindByTaxCodeAsync(enterprise.TaxCode, ct))?.Id
                ?? await registration.RegisterAsync(enterprise, ct));
        }
        NewAccount clerk = new("enterprise@danang.demo", password, "Phòng nhân sự Thép Đà Nẵng", Roles.Enterprise, EnterpriseId: enterpriseIds[0]);
        if (!await accounts.ExistsAsync(clerk.Email, ct))
        {
            await accounts.CreateAsync(clerk, ct);
        }
        LogSeeded(logger, string.Join(", ", users.Append(clerk).Select(u => $"{u.Email} ({u.Role})")), password);
    }

    private async Task<Catalogue> LoadCatalogueAsync(CancellationToken ct)
    {
        if (options.Value.CatalogueFile is { Length: > 0 } file)
        {
            await using var stream = File.OpenRead(file);
            var full = await JsonSerializer.DeserializeAsync<Catalogue>(stream, JsonSerializerOptions.Web, ct)
                ?? throw new InvalidOperationException($"{file} is not a catalogue.");
            return new Catalogue(full.Data?.Where(c => c.Level1Id == DaNang).ToList());
        }
        return BuiltIn;
    }

    private static readonly NewEnterprise[] Enterprises =
    [
        new("Công ty Cổ phần Thép Đà Nẵng", "0401000014", DemoWard, "12 Bạch Đằng, Hải Châu", "nhansu@thepdanang.demo", "0236 3822 123", 420),
        new("Công ty TNHH Thủy sản Sông Hàn", "0401000021", DemoWard, "88 Trần Phú, Hải Châu", "hr@songhan.demo", "0905 123 456", 150),
        new("Hợp tác xã Vận tải Thanh Bình", "0401000039", DemoWard, "5 Ông Ích Khiêm, Hải Châu", "htx@thanhbinh.demo", "+84 914 555 777", 60),
    ];

    private static readonly Catalogue BuiltIn = new(
    [
        new CatalogueCity(DaNang, "Thành phố Đà Nẵng", "Thành phố Trung ương",
        [
            new CatalogueDistrict("490", "Quận Liên Chiểu", "Quận",
            [
                new CatalogueWard("20194", "Phường Hòa Hiệp Bắc", "Phường"),
                new CatalogueWard("20195", "Phường Hòa Hiệp Nam", "Phường"),
                new CatalogueWard("20197", "Phường Hòa Khánh Bắc", "Phường"),
            ]),
            new CatalogueDistrict("491", "Quận Thanh Khê", "Quận",
            [
                new CatalogueWard("20203", "Phường Tam Thuận", "Phường"),
                new CatalogueWard("20206", "Phường Thanh Khê Tây", "Phường"),
                new CatalogueWard("20207", "Phường Thanh Khê Đông", "Phường"),
            ]),
            new CatalogueDistrict("492", "Quận Hải Châu", "Quận",
            [
                new CatalogueWard("20227", "Phường Thanh Bình", "Phường"),
                new CatalogueWard("20230", "Phường Thuận Phước", "Phường"),
                new CatalogueWard("20233", "Phường Thạch Thang", "Phường"),
            ]),
        ]),
    ]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo city loaded (Da Nang). Users: {Users}; password {Password}.")]
    private static partial void LogSeeded(ILogger logger, string users, string password);
}
