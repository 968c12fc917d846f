using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The fixture imported the real national catalogue (../shared/data) at start.</summary>
public abstract class GeographyTests(PermitsHost host)
{
    [Fact]
    public async Task Importing_the_catalogue_again_changes_nothing()
    {
        var admin = await host.AsAsync("admin");
        await using var file = File.OpenRead(Repository.Catalogue);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new("application/json");
        using var response = await admin.PostAsync("/api/v1/admin/geo/import", content, TestContext.Current.CancellationToken);
        var result = await response.Expect(HttpStatusCode.OK);
        Assert.Equal(63, result.GetProperty("cities").GetInt32());
        Assert.Equal(705, result.GetProperty("districts").GetInt32());
        Assert.Equal(10603, result.GetProperty("wards").GetInt32());
        Assert.Equal(0, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task Wards_of_da_nang_are_listed_with_their_district()
    {
        using var response = await host.Anonymous().Get("/api/v1/wards?cityCode=48");
        var wards = (await response.Expect(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(56, wards.Count);
        var thanhBinh = wards.Single(w => w.GetProperty("code").GetString() == "20227");
        Assert.Equal("Phường Thanh Bình", thanhBinh.GetProperty("name").GetString());
        Assert.Equal("492", thanhBinh.GetProperty("districtCode").GetString());
        Assert.Equal("Quận Hải Châu", thanhBinh.GetProperty("districtName").GetString());
        Assert.All(wards, w => Assert.Equal("48", w.GetProperty("cityCode").GetString()));
        // The catalogue's double space in "Hải Châu  I" is folded.
        Assert.Contains(wards, w => w.GetProperty("name").GetString() == "Phường Hải Châu I");
    }

    [Fact]
    public async Task A_changed_name_is_updated_and_audited()
    {
        var admin = await host.AsAsync("admin");
        var code = "99" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        object Catalogue(string name) => new
        {
            data = new[]
            {
                new { level1_id = "98", name = "Tỉnh Thử", type = "Tỉnh", level2s = new[]
                {
                    new { level2_id = "998", name = "Huyện Thử", type = "Huyện", level3s = new[] { new { level3_id = code, name, type = "Xã" } } },
                } },
            },
        };
        using (var first = await admin.PostJson("/api/v1/admin/geo/import", Catalogue("Xã Một")))
        {
            Assert.True((await first.Expect(HttpStatusCode.OK)).GetProperty("created").GetInt32() >= 1);
        }
        using (var renamed = await admin.PostJson("/api/v1/admin/geo/import", Catalogue("Xã Hai")))
        {
            Assert.Equal(1, (await renamed.Expect(HttpStatusCode.OK)).GetProperty("updated").GetInt32());
        }
        using var wards = await host.Anonymous().Get("/api/v1/wards?cityCode=98");
        Assert.Contains((await wards.Expect(HttpStatusCode.OK)).EnumerateArray(), w => w.GetProperty("name").GetString() == "Xã Hai");
        using var audit = await admin.Get("/api/v1/audit?entityType=catalogue");
        Assert.NotEmpty((await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Imports_sent_at_once_with_the_same_new_units_all_succeed_and_store_each_unit_once()
    {
        var admin = await host.AsAsync("admin");
        // A city, district and wards of their own (codes 03, 980, 330xx: in no catalogue, and no other test uses them), new to the database.
        var wards = Enumerable.Range(0, 20).Select(i => new { level3_id = $"330{i:D2}", name = $"Xã Đồng Thời {i}", type = "Xã" }).ToArray();
        var catalogue = new
        {
            data = new[]
            {
                new { level1_id = "03", name = "Tỉnh Đồng Thời", type = "Tỉnh", level2s = new[]
                {
                    new { level2_id = "980", name = "Huyện Đồng Thời", type = "Huyện", level3s = wards },
                } },
            },
        };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var imports = Enumerable.Range(0, 4).Select(async _ =>
        {
            await start.Task;
            using var response = await admin.PostJson("/api/v1/admin/geo/import", catalogue);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(imports);
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, a.Body));

        using var listed = await host.Anonymous().Get("/api/v1/wards?cityCode=03");
        var names = (await listed.Expect(HttpStatusCode.OK)).EnumerateArray().Select(w => w.GetProperty("name").GetString()).ToList();
        Assert.All(wards, w => Assert.Single(names, n => n == w.name));
    }

    [Fact]
    public async Task A_catalogue_with_bad_codes_is_refused_whole()
    {
        var admin = await host.AsAsync("admin");
        using var response = await admin.PostJson("/api/v1/admin/geo/import", new
        {
            data = new[]
            {
                new { level1_id = "97", name = "Tỉnh Sai", type = "Tỉnh", level2s = new[]
                {
                    new { level2_id = "9x", name = "", type = "Huyện", level3s = Array.Empty<object>() },
                } },
            },
        });
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("data[0].level2s[0].level2_id", out _), problem.ToString());
        using var wards = await host.Anonymous().Get("/api/v1/wards?cityCode=97");
        Assert.Empty((await wards.Expect(HttpStatusCode.OK)).EnumerateArray());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class GeographyTestsOnSqlite(SqliteHost host) : GeographyTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class GeographyTestsOnPostgres(PostgresHost host) : GeographyTests(host);
