using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Scope, route by route: a real resource is built in one scope, then every role that may call the
/// route, taken from another scope, gets the 404 of a resource that does not exist, and the resource
/// stays as it was. The same call by the same role within the scope is then not a 404, so that a
/// 404 for any other reason (a wrong path, a missing resource) cannot pass for a scope check.
/// </summary>
/// <remarks>
/// The resources are in Phường Thanh Bình of Đà Nẵng (ward A), or, for the police's steps, in
/// <see cref="ChainWard"/>, whose chain has them. The callers outside: the approver of Hà Nội, the
/// ward officer and police of Phường Thuận Phước (another ward of the same city), and the user of
/// the fixture's enterprise (the same ward A, so only the enterprise's id stands between them).
/// The admin, whose scope is everything, and the checkpoint, which no scoped route admits, are not
/// cases here (AccessTests has them).
/// </remarks>
public abstract class ScopeTests(PermitsHost host)
{
    /// <summary>Phường Hải Châu II: the ward these tests give the full chain (police verify, then stamp); no other test uses it.</summary>
    private const string ChainWard = "20239";

    /// <summary>In place of a JSON body: the filled template, as multipart/form-data.</summary>
    private const string Workbook = "(template.xlsx)";

    private const string Reason = "{\"reason\":\"Ngoài phạm vi\"}";

    /// <summary>A period id that exists nowhere: the enterprise's scope is checked before the period.</summary>
    private const string NoPeriod = "5c0fe0ed-5c0f-4e0e-8d0e-5c0fe0ed0001";

    private static readonly string[] Readers = ["approver", "ward-officer", "area-police", "ward-police", "enterprise"];

    private static readonly string[] Officials = ["approver", "ward-officer"];

    /// <summary>
    /// Each route with the roles that may call it. Placeholders: {enterprise} an active enterprise of
    /// ward A, {permit} its issued permit, {entry} an approved person of it not yet issued, {request}
    /// its submitted request; {application} a submitted individual application of ward A; {pending}
    /// a self-registered enterprise of ward A; {unverified} a request of <see cref="ChainWard"/> awaiting
    /// the area police, {unstamped} a permit of it awaiting the ward police's stamp, {ward} that ward;
    /// {city} Đà Nẵng, {cityRatio} its ratio as it is.
    /// </summary>
    private static readonly (string Method, string Path, string? Body, string[] Roles)[] Routes =
    [
        ("GET", "/api/v1/permits/{permit}", null, Readers),
        ("GET", "/api/v1/permits/{permit}/qr.png", null, Readers),
        ("GET", "/api/v1/permits/{permit}/qr.svg", null, Readers),
        ("POST", "/api/v1/permits/print", "{\"permitIds\":[\"{permit}\"]}", ["approver", "ward-officer", "ward-police", "enterprise"]),
        ("POST", "/api/v1/permits/revoke", "{\"permitIds\":[\"{permit}\"],\"reason\":\"Ngoài phạm vi\"}", ["approver", "ward-officer", "enterprise"]),
        ("POST", "/api/v1/permits/{unstamped}/stamp", "{}", ["ward-police"]),
        ("GET", "/api/v1/requests/{request}", null, Readers),
        ("GET", "/api/v1/requests/{request}/file", null, Readers),
        ("POST", "/api/v1/requests/{unverified}/verify", "{}", ["area-police"]),
        ("POST", "/api/v1/requests/{request}/approve", "{}", Officials),
        ("POST", "/api/v1/requests/{request}/reject", Reason, Officials),
        ("GET", "/api/v1/applications/{application}", null, ["approver", "ward-officer", "area-police", "ward-police"]),
        ("POST", "/api/v1/applications/{application}/approve", "{}", Officials),
        ("POST", "/api/v1/applications/{application}/reject", Reason, Officials),
        ("GET", "/api/v1/enterprises/{enterprise}", null, Readers),
        ("GET", "/api/v1/enterprises/{enterprise}/permits", null, Readers),
        ("POST", "/api/v1/enterprises/{enterprise}/requests", Workbook, ["ward-officer", "enterprise"]),
        ("POST", "/api/v1/enterprises/{enterprise}/permits", "{\"entryIds\":[\"{entry}\"]}", ["enterprise"]),
        ("PUT", "/api/v1/enterprises/{enterprise}/quota", "{\"quota\":5,\"reason\":\"Ngoài phạm vi\"}", Officials),
        ("POST", "/api/v1/enterprises/{enterprise}/permits/clear", $"{{\"periodId\":\"{NoPeriod}\",\"reason\":\"Ngoài phạm vi\"}}", ["approver"]),
        ("POST", "/api/v1/enterprises/{pending}/activate", "{}", Officials),
        ("POST", "/api/v1/enterprises/{pending}/reject", Reason, Officials),
        ("PUT", "/api/v1/wards/{ward}/policy", "{\"defaultRatioPercent\":5,\"chain\":{\"policeVerify\":false,\"policeStamp\":false}}", ["approver"]),
        ("PUT", "/api/v1/cities/{city}/policy", "{\"defaultRatioPercent\":{cityRatio}}", ["approver"]),
    ];

    public static TheoryData<string, string, string, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?>();
        foreach (var (method, path, body, roles) in Routes)
        {
            foreach (var role in roles)
            {
                data.Add(role, method, path, body);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outside_the_callers_scope_a_resource_is_not_found_and_stays_as_it_was(string role, string method, string path, string? body)
    {
        var scene = await BuildAsync(path + body);
        var before = await SnapshotAsync(scene);

        using (var outside = await SendAsync(await OutsiderAsync(role), method, path, body, scene))
        {
            await outside.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        Assert.Equal(before, await SnapshotAsync(scene));

        using var inside = await SendAsync(await InsiderAsync(role, scene), method, path, body, scene);
        Assert.True(inside.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden),
            $"in scope: {(int)inside.StatusCode} {await inside.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>The resources a case needs, and what to read back (as the admin) to see that nothing changed.</summary>
    private sealed class Scene
    {
        public Dictionary<string, string> Values { get; } = [];

        /// <summary>GETs of the resources, of their latest audit line and of what a foreign call could add to them.</summary>
        public List<string> Reads { get; } = [];

        /// <summary>Tokens of the permits, whose verification must not change.</summary>
        public List<string> Tokens { get; } = [];

        /// <summary>The ward of the resources, for the ward's own officer and police.</summary>
        public string Ward { get; set; } = PermitsHost.WardCode;

        /// <summary>The user of the enterprise that owns the resources.</summary>
        public HttpClient? Clerk { get; set; }

        public string Fill(string text) => Values.Aggregate(text, (t, v) => t.Replace(v.Key, v.Value, StringComparison.Ordinal));

        public void Add(string placeholder, string value) => Values[placeholder] = value;

        public void Read(string path, string auditType, string auditId)
        {
            Reads.Add(path);
            Reads.Add($"/api/v1/audit?entityType={auditType}&entityId={auditId}&limit=1");
        }
    }

    private static bool Uses(string text, params string[] placeholders) =>
        placeholders.Any(p => text.Contains(p, StringComparison.Ordinal));

    private async Task<Scene> BuildAsync(string text)
    {
        var scene = new Scene();
        if (Uses(text, "{enterprise}", "{permit}", "{entry}", "{request}"))
        {
            await AddEnterpriseAsync(scene);
        }
        if (Uses(text, "{application}"))
        {
            await AddApplicationAsync(scene);
        }
        if (Uses(text, "{pending}"))
        {
            await AddPendingAsync(scene);
        }
        if (Uses(text, "{unverified}", "{unstamped}", "{ward}"))
        {
            await AddChainWardAsync(scene, unverified: Uses(text, "{unverified}"), unstamped: Uses(text, "{unstamped}"));
        }
        if (Uses(text, "{city}"))
        {
            await AddCityAsync(scene);
        }
        return scene;
    }

    /// <summary>An active enterprise of ward A with its own user: two people approved, one of them issued a permit, and one more person submitted.</summary>
    private async Task AddEnterpriseAsync(Scene scene)
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var email = PermitsHost.EnterpriseEmail(enterprise);
        await host.CreateUserAsync(email, "enterprise", enterprise: enterprise);
        var clerk = await host.ClientAsync(email);
        var approved = await UploadAsync(clerk, enterprise, 2);
        using (var approve = await (await host.AsAsync("ward-officer")).PostJson($"/api/v1/requests/{approved.Id}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var permit = (await PermitTests.IssueAsync(clerk, enterprise, approved.Entries.Take(1))).GetProperty("permits")[0];
        Assert.Equal("issued", permit.GetProperty("status").GetString());
        var submitted = await UploadAsync(clerk, enterprise, 1);

        scene.Clerk = clerk;
        scene.Add("{enterprise}", enterprise.ToString());
        scene.Add("{permit}", permit.GetProperty("id").GetString()!);
        scene.Add("{entry}", approved.Entries[1].ToString());
        scene.Add("{request}", submitted.Id.ToString());
        scene.Read($"/api/v1/enterprises/{enterprise}", "enterprise", enterprise.ToString());
        scene.Reads.Add($"/api/v1/enterprises/{enterprise}/permits");
        scene.Reads.Add($"/api/v1/requests?enterpriseId={enterprise}&status=submitted");
        scene.Read($"/api/v1/permits/{scene.Values["{permit}"]}", "permit", scene.Values["{permit}"]);
        scene.Read($"/api/v1/requests/{submitted.Id}", "request", submitted.Id.ToString());
        scene.Tokens.Add(permit.GetProperty("token").GetString()!);
    }

    /// <summary>An individual application entered by the area police of ward A (approval only there: it stays submitted).</summary>
    private async Task AddApplicationAsync(Scene scene)
    {
        var person = Workbooks.Person(3);
        using var created = await (await host.AsAsync("area-police")).PostJson("/api/v1/applications", new
        {
            fullName = person.FullName, idNumber = person.IdNumber,
            dateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            gender = person.Gender, address = "15 Lê Lợi, Phường Thanh Bình", wardCode = PermitsHost.WardCode,
            reason = "Đi khám bệnh", destination = "Bệnh viện Đà Nẵng",
        });
        var application = await created.Expect(HttpStatusCode.Created);
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        var id = application.GetProperty("id").GetString()!;
        scene.Add("{application}", id);
        scene.Read($"/api/v1/applications/{id}", "application", id);
    }

    /// <summary>An enterprise of ward A that registered itself and awaits activation.</summary>
    private async Task AddPendingAsync(Scene scene)
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = Http.Unique("Công ty Chờ"), taxCode = TestData.TaxCode(), wardCode = PermitsHost.WardCode, address = "3 Lê Lợi",
            contactEmail = Http.Unique("pending") + "@tests.local", contactPhone = "0905000111", workforce = 10,
        });
        var registered = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("pending", registered.GetProperty("status").GetString());
        var id = registered.GetProperty("id").GetString()!;
        scene.Add("{pending}", id);
        scene.Read($"/api/v1/enterprises/{id}", "enterprise", id);
    }

    /// <summary>
    /// <see cref="ChainWard"/> with the full chain (set again each time: a case may have changed it), and in it
    /// a request awaiting the area police and a permit awaiting the ward police's stamp.
    /// </summary>
    private async Task AddChainWardAsync(Scene scene, bool unverified, bool unstamped)
    {
        using (var policy = await (await host.AsAsync("approver")).PutJson($"/api/v1/wards/{ChainWard}/policy",
            new { defaultRatioPercent = (int?)null, chain = new { policeVerify = true, policeStamp = true } }))
        {
            await policy.Expect(HttpStatusCode.OK);
        }
        scene.Ward = ChainWard;
        scene.Add("{ward}", ChainWard);
        scene.Read($"/api/v1/wards/{ChainWard}/policy", "ward", ChainWard);
        if (!unverified && !unstamped)
        {
            return;
        }
        var enterprise = await host.RegisterEnterpriseAsync(ChainWard);
        var officer = await host.CreateWardUserAsync("ward-officer", ChainWard);
        if (unverified)
        {
            var request = await UploadAsync(officer, enterprise, 1);
            scene.Add("{unverified}", request.Id.ToString());
            scene.Read($"/api/v1/requests/{request.Id}", "request", request.Id.ToString());
        }
        if (unstamped)
        {
            var request = await UploadAsync(officer, enterprise, 1);
            using (var verify = await (await host.CreateWardUserAsync("area-police", ChainWard)).PostJson($"/api/v1/requests/{request.Id}/verify", new { }))
            {
                await verify.Expect(HttpStatusCode.OK);
            }
            using (var approve = await officer.PostJson($"/api/v1/requests/{request.Id}/approve", new { }))
            {
                await approve.Expect(HttpStatusCode.OK);
            }
            var email = PermitsHost.EnterpriseEmail(enterprise);
            await host.CreateUserAsync(email, "enterprise", enterprise: enterprise);
            var permit = (await PermitTests.IssueAsync(await host.ClientAsync(email), enterprise, request.Entries)).GetProperty("permits")[0];
            Assert.Equal("approved", permit.GetProperty("status").GetString());
            var id = permit.GetProperty("id").GetString()!;
            scene.Add("{unstamped}", id);
            scene.Read($"/api/v1/permits/{id}", "permit", id);
            scene.Tokens.Add(permit.GetProperty("token").GetString()!);
        }
    }

    /// <summary>Đà Nẵng, with its ratio as it is (so that a call let through by mistake leaves it the same for the other tests).</summary>
    private async Task AddCityAsync(Scene scene)
    {
        using var policy = await (await host.AsAsync("admin")).Get($"/api/v1/cities/{PermitsHost.CityCode}/policy");
        var ratio = (await policy.Expect(HttpStatusCode.OK)).GetProperty("defaultRatioPercent").GetInt32();
        scene.Add("{city}", PermitsHost.CityCode);
        scene.Add("{cityRatio}", ratio.ToString(System.Globalization.CultureInfo.InvariantCulture));
        scene.Read($"/api/v1/cities/{PermitsHost.CityCode}/policy", "city", PermitsHost.CityCode);
    }

    private async Task<(Guid Id, List<Guid> Entries)> UploadAsync(HttpClient client, Guid enterprise, int people)
    {
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), Enumerable.Range(0, people).Select(i => Workbooks.Person(i)));
        using var response = await RequestTests.UploadAsync(client, enterprise, file);
        var request = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        return (request.GetProperty("id").GetGuid(), request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList());
    }

    /// <summary>The resources as the admin reads them, their latest audit lines, and what their permits verify as.</summary>
    private async Task<string> SnapshotAsync(Scene scene)
    {
        var admin = await host.AsAsync("admin");
        var lines = new List<string>();
        foreach (var path in scene.Reads)
        {
            using var response = await admin.Get(path);
            lines.Add($"{path}: {(await response.Expect(HttpStatusCode.OK)).GetRawText()}");
        }
        foreach (var token in scene.Tokens)
        {
            using var response = await host.Anonymous().Get($"/api/v1/verify/{token}");
            lines.Add($"verify {token}: {(await response.Expect(HttpStatusCode.OK)).GetProperty("result").GetString()}");
        }
        return string.Join('\n', lines);
    }

    /// <summary>The role in another scope: the approver of Hà Nội, the officer or police of another ward, the user of another enterprise.</summary>
    private Task<HttpClient> OutsiderAsync(string role) => role switch
    {
        "approver" => host.ClientAsync(PermitsHost.UserEmail(role, PermitsHost.OtherCityCode)),
        "ward-officer" or "area-police" or "ward-police" => host.ClientAsync(PermitsHost.UserEmail(role, PermitsHost.OtherWardCode)),
        "enterprise" => host.ClientAsync(PermitsHost.EnterpriseEmail(host.EnterpriseId)),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no caller outside the scope for this role"),
    };

    /// <summary>The role within the resources' scope.</summary>
    private async Task<HttpClient> InsiderAsync(string role, Scene scene) => role switch
    {
        "approver" => await host.AsAsync(role),
        "enterprise" => scene.Clerk ?? throw new InvalidOperationException("the case has no enterprise of its own"),
        _ when scene.Ward == PermitsHost.WardCode => await host.AsAsync(role),
        _ => await host.CreateWardUserAsync(role, scene.Ward),
    };

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body, Scene scene)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), scene.Fill(path));
        request.Content = body switch
        {
            null => null,
            Workbook => await WorkbookAsync(),
            _ => new StringContent(scene.Fill(body), Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>An upload of one new person, as <see cref="RequestTests.UploadAsync"/> sends it.</summary>
    private async Task<HttpContent> WorkbookAsync()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(5)]));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "danh-sach.xlsx");
        form.Add(new StringContent("addition"), "kind");
        return form;
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ScopeTestsOnSqlite(SqliteHost host) : ScopeTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ScopeTestsOnPostgres(PostgresHost host) : ScopeTests(host);
