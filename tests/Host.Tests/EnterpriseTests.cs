using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using TravelPermits.Accounts.Contracts;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

public abstract class EnterpriseTests(PermitsHost host)
{
    private static object Registration(string wardCode, string? taxCode = null, string name = "Công ty TNHH Thép Đà Nẵng", int workforce = 200,
        string phone = "+84 905 123 456", string? email = null) => new
    {
        name, taxCode = taxCode ?? TestData.TaxCode(), wardCode, address = "  45  Trần Phú ", contactEmail = email ?? Http.Unique("hr") + "@tests.local",
        contactPhone = phone, workforce,
    };

    [Fact]
    public async Task A_ward_officer_registers_an_active_enterprise_with_the_default_quota_and_an_emailed_confirmation()
    {
        var officer = await host.AsAsync("ward-officer");
        var email = Http.Unique("hr") + "@tests.local";
        using var response = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, email: email, workforce: 333));
        var enterprise = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("active", enterprise.GetProperty("status").GetString());
        Assert.Equal("0905123456", enterprise.GetProperty("contactPhone").GetString());
        Assert.Equal("45 Trần Phú", enterprise.GetProperty("address").GetString());
        Assert.Equal(30, enterprise.GetProperty("ratioPercent").GetInt32());
        Assert.Equal(99, enterprise.GetProperty("quota").GetInt32()); // floor(333 × 30 / 100)
        Assert.Equal(99, enterprise.GetProperty("remaining").GetInt32());

        var mails = await host.WaitForMailAsync(email, 2);
        Assert.Contains(mails, m => m.Subject.StartsWith("Xác nhận đăng ký doanh nghiệp", StringComparison.Ordinal) && m.Body.Contains("99 người", StringComparison.Ordinal));
        var invitation = Assert.Single(mails, m => m.Subject.StartsWith("Tài khoản của doanh nghiệp", StringComparison.Ordinal));

        // The contact sets a password with the token of the invitation and signs in as the enterprise.
        var token = invitation.Body.Split('\n').Select(l => l.Trim()).First(l => l.Length > 40 && !l.Contains(' ', StringComparison.Ordinal));
        using var set = await host.Anonymous().PostJson("/api/v1/auth/set-password", new { email, token, password = "Thep@Danang2021" });
        await set.Expect(HttpStatusCode.NoContent);
        var client = await host.ClientAsync(email, "Thep@Danang2021");
        using var me = await client.Get("/api/v1/me");
        var identity = await me.Expect(HttpStatusCode.OK);
        Assert.Equal("enterprise", identity.GetProperty("role").GetString());
        Assert.Equal(enterprise.GetProperty("id").GetString(), identity.GetProperty("enterpriseId").GetString());
    }

    [Fact]
    public async Task A_self_registration_is_pending_until_activated_or_rejected_with_an_emailed_reason()
    {
        var email = Http.Unique("self") + "@tests.local";
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, email: email));
        var created = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString();

        var officer = await host.AsAsync("ward-officer");
        using (var reject = await officer.PostJson($"/api/v1/enterprises/{id}/reject", new { reason = "Thiếu giấy phép kinh doanh" }))
        {
            Assert.Equal("rejected", (await reject.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        var mails = await host.WaitForMailAsync(email, 2);
        Assert.Contains(mails, m => m.Body.Contains("Lý do: Thiếu giấy phép kinh doanh", StringComparison.Ordinal));

        using var again = await officer.PostJson($"/api/v1/enterprises/{id}/activate", new { });
        await again.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        using var noReason = await officer.PostJson($"/api/v1/enterprises/{id}/reject", new { reason = "" });
        await noReason.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_approver_activates_a_pending_registration_once()
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.OtherWardCode));
        var id = (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        var approver = await host.AsAsync("approver");
        using (var activate = await approver.PostJson($"/api/v1/enterprises/{id}/activate", new { }))
        {
            Assert.Equal("active", (await activate.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        using var twice = await approver.PostJson($"/api/v1/enterprises/{id}/activate", new { });
        await twice.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        var contact = (await (await approver.Get($"/api/v1/enterprises/{id}")).Expect(HttpStatusCode.OK)).GetProperty("contactEmail").GetString()!;
        var mails = await host.WaitForMailAsync(contact, 3); // received, activated, account
        Assert.Single(mails, m => m.Subject.EndsWith("đã được kích hoạt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_registrations_get_every_error_at_once_and_store_nothing()
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = "", taxCode = "0100233480", wardCode = "2022", address = "", contactEmail = "hr-at-company", contactPhone = "12345", workforce = 0,
        });
        var errors = (await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "name", "taxCode", "wardCode", "address", "contactEmail", "contactPhone", "workforce" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.StartsWith("Mã số thuế", errors.GetProperty("taxCode")[0].GetString(), StringComparison.Ordinal);

        using var unknownWard = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration("99999"));
        Assert.True((await unknownWard.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("wardCode", out _));
    }

    [Fact]
    public async Task An_unknown_ward_is_reported_together_with_the_other_field_errors()
    {
        var officer = await host.AsAsync("ward-officer");
        var taxCode = TestData.TaxCode();
        using var response = await officer.PostJson("/api/v1/enterprises", Registration("99999", taxCode, phone: "12345", email: "hr@cty..vn"));
        var errors = (await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "wardCode", "contactPhone", "contactEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal("Không có phường/xã với mã này.", errors.GetProperty("wardCode")[0].GetString());

        var english = host.Anonymous();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var self = await english.PostJson("/api/v1/enterprises/registrations", Registration("99999", taxCode, workforce: 0));
        var selfErrors = (await self.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Equal("No ward has this code.", selfErrors.GetProperty("wardCode")[0].GetString());
        Assert.True(selfErrors.TryGetProperty("workforce", out _), selfErrors.ToString());
        using var stored = await (await host.AsAsync("admin")).Get($"/api/v1/enterprises?q={taxCode}");
        Assert.Empty((await stored.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("nguyen van a@gmail.com")]
    [InlineData("a@b")]
    [InlineData("hr@cty,vn")]
    [InlineData("hr;x@cty.vn")]
    [InlineData("hr@cty..vn")]
    [InlineData("hr@@cty.vn")]
    [InlineData("@cty.vn")]
    [InlineData("hr@cty.vn.")]
    [InlineData("hr@-cty.vn")]
    [InlineData("hr@cty.v1")]
    [InlineData("hr.@cty.vn")]
    [InlineData("<hr@cty.vn>")]
    public async Task Contact_emails_a_mail_server_would_refuse_are_refused(string email)
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, email: email));
        var errors = (await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Equal(["contactEmail"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Địa chỉ email không hợp lệ.", errors.GetProperty("contactEmail")[0].GetString());
    }

    [Theory]
    [InlineData("nguyen.van.a+nhansu@gmail.com")]
    [InlineData("hr@mail.thep-danang.com.vn")]
    [InlineData("HR_2021@Cty.VN")]
    [InlineData("  ke-toan@cty.vn ")]
    public async Task Contact_emails_as_mail_servers_take_them_are_accepted(string email)
    {
        var unique = email.Replace("@", "." + Guid.NewGuid().ToString("N")[..8] + "@", StringComparison.Ordinal);
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, email: unique));
        await response.Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_tax_code_cannot_be_registered_twice_unless_the_first_was_rejected()
    {
        var taxCode = TestData.TaxCode();
        var officer = await host.AsAsync("ward-officer");
        using (var first = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, taxCode)))
        {
            var id = (await first.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
            using var again = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, taxCode));
            await again.ExpectProblem(HttpStatusCode.Conflict, "duplicate_tax_code");
            using var reject = await officer.PostJson($"/api/v1/enterprises/{id}/reject", new { reason = "Sai địa chỉ" });
            await reject.Expect(HttpStatusCode.OK);
        }
        using var retry = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode[..10]));
        await retry.Expect(HttpStatusCode.Created);
        using var twice = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode));
        await twice.ExpectProblem(HttpStatusCode.Conflict, "duplicate_tax_code");
    }

    [Fact]
    public async Task An_officials_registration_takes_over_a_pending_self_registration_of_the_same_tax_code()
    {
        var taxCode = TestData.TaxCode();
        using var squat = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, taxCode));
        var pending = (await squat.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        var officer = await host.AsAsync("ward-officer");
        using var official = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode));
        Assert.Equal("active", (await official.Expect(HttpStatusCode.Created)).GetProperty("status").GetString());
        using var old = await officer.Get($"/api/v1/enterprises/{pending}");
        Assert.Equal("rejected", (await old.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_official_takes_over_only_a_pending_self_registration_within_their_own_area()
    {
        var taxCode = TestData.TaxCode();
        using var squat = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.OtherWardCode, taxCode));
        var pending = (await squat.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();

        // The officer of another ward, and the approver of another city, meet a duplicate like any other.
        var officer = await host.AsAsync("ward-officer");
        using (var official = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode)))
        {
            await official.ExpectProblem(HttpStatusCode.Conflict, "duplicate_tax_code");
        }
        var haNoi = await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode));
        using (var far = await haNoi.PostJson("/api/v1/enterprises", Registration(PermitsHost.OtherCityWard, taxCode)))
        {
            await far.ExpectProblem(HttpStatusCode.Conflict, "duplicate_tax_code");
        }
        var approver = await host.AsAsync("approver");
        using (var untouched = await approver.Get($"/api/v1/enterprises/{pending}"))
        {
            Assert.Equal("pending", (await untouched.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        using (var audit = await approver.Get($"/api/v1/audit?entityType=enterprise&entityId={pending}"))
        {
            var actions = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString());
            Assert.Equal(["enterprise.registration_received"], actions);
        }

        // The approver of its city covers it, and takes it over.
        using var covered = await approver.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode));
        Assert.Equal("active", (await covered.Expect(HttpStatusCode.Created)).GetProperty("status").GetString());
        using var old = await approver.Get($"/api/v1/enterprises/{pending}");
        Assert.Equal("rejected", (await old.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_contact_email_that_already_has_an_account_is_refused_and_nothing_is_stored()
    {
        var email = Http.Unique("taken") + "@tests.local";
        await host.CreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        var taxCode = TestData.TaxCode();
        var officer = await host.AsAsync("ward-officer");
        using (var official = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode, email: email.ToUpperInvariant())))
        {
            var problem = await official.ExpectProblem(HttpStatusCode.Conflict, "contact_email_in_use");
            Assert.Contains("email liên hệ khác", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var english = host.Anonymous();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using (var self = await english.PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, taxCode, email: $" {email} ")))
        {
            var problem = await self.ExpectProblem(HttpStatusCode.Conflict, "contact_email_in_use");
            Assert.Contains("another contact email", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var stored = await officer.Get($"/api/v1/enterprises?q={taxCode}"))
        {
            Assert.Empty((await stored.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }

        // A pending self-registration is not taken over by a registration that is refused.
        using var squat = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, taxCode));
        var pending = (await squat.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var official = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode, email: email)))
        {
            await official.ExpectProblem(HttpStatusCode.Conflict, "contact_email_in_use");
        }
        using var still = await officer.Get($"/api/v1/enterprises/{pending}");
        Assert.Equal("pending", (await still.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Activation_is_refused_when_the_contact_email_got_an_account_meanwhile()
    {
        var email = Http.Unique("late") + "@tests.local";
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode, email: email));
        var id = (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        await host.CreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);

        var officer = await host.AsAsync("ward-officer");
        using (var activate = await officer.PostJson($"/api/v1/enterprises/{id}/activate", new { }))
        {
            var problem = await activate.ExpectProblem(HttpStatusCode.Conflict, "contact_email_in_use");
            Assert.Contains("email liên hệ khác", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var still = await officer.Get($"/api/v1/enterprises/{id}"))
        {
            Assert.Equal("pending", (await still.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        using var audit = await (await host.AsAsync("approver")).Get($"/api/v1/audit?entityType=enterprise&entityId={id}");
        Assert.DoesNotContain((await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "enterprise.activated");
        // The officer can still reject it, so that the enterprise registers again with another email.
        using var reject = await officer.PostJson($"/api/v1/enterprises/{id}/reject", new { reason = "Email liên hệ đã có tài khoản" });
        await reject.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_invitation_to_an_email_taken_in_between_is_audited_for_an_admin()
    {
        var email = Http.Unique("race") + "@tests.local";
        await host.CreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        var enterprise = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<IEnterpriseAccounts>();
            Assert.Null(await accounts.InviteAsync(
                new EnterpriseAccountInvitation(email, "Công ty Chạy Đua", enterprise, PermitsHost.CityCode, PermitsHost.WardCode),
                TestContext.Current.CancellationToken));
        }
        using var audit = await (await host.AsAsync("admin")).Get($"/api/v1/audit?entityType=enterprise&entityId={enterprise}");
        var line = Assert.Single((await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal("user.invitation_failed", line.GetProperty("action").GetString());
        Assert.Equal("DuplicateEmail", line.GetProperty("details").GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Officials_register_only_in_their_own_area()
    {
        var officer = await host.AsAsync("ward-officer");
        using var other = await officer.PostJson("/api/v1/enterprises", Registration(PermitsHost.OtherWardCode));
        await other.ExpectProblem(HttpStatusCode.Forbidden, "outside_scope");
        var approver = await host.AsAsync("approver");
        using var otherCity = await approver.PostJson("/api/v1/enterprises", Registration(PermitsHost.OtherCityWard));
        await otherCity.ExpectProblem(HttpStatusCode.Forbidden, "outside_scope");
        using var sameCity = await approver.PostJson("/api/v1/enterprises", Registration(PermitsHost.OtherWardCode));
        await sameCity.Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_ward_policy_ratio_then_the_city_ratio_set_the_default_quota()
    {
        var daNangWard = "20194"; // Phường Hòa Hiệp Bắc: no ward policy of other tests
        var approver = await host.AsAsync("approver");
        var admin = await host.AsAsync("admin");
        using (var city = await approver.PutJson($"/api/v1/cities/{PermitsHost.CityCode}/policy", new { defaultRatioPercent = 40 }))
        {
            await city.Expect(HttpStatusCode.OK);
        }
        using (var registered = await admin.PostJson("/api/v1/enterprises", Registration(daNangWard, workforce: 50)))
        {
            Assert.Equal(20, (await registered.Expect(HttpStatusCode.Created)).GetProperty("quota").GetInt32());
        }
        using (var ward = await approver.PutJson($"/api/v1/wards/{daNangWard}/policy", new { defaultRatioPercent = 10, chain = new { policeVerify = true, policeStamp = false } }))
        {
            var policy = await ward.Expect(HttpStatusCode.OK);
            Assert.Equal(10, policy.GetProperty("effectiveRatioPercent").GetInt32());
            Assert.True(policy.GetProperty("chain").GetProperty("policeVerify").GetBoolean());
        }
        using (var registered = await admin.PostJson("/api/v1/enterprises", Registration(daNangWard, workforce: 50)))
        {
            Assert.Equal(5, (await registered.Expect(HttpStatusCode.Created)).GetProperty("quota").GetInt32());
        }
        var officer = await host.AsAsync("ward-officer");
        using var read = await officer.Get($"/api/v1/wards/{daNangWard}/policy");
        Assert.Equal(10, (await read.Expect(HttpStatusCode.OK)).GetProperty("defaultRatioPercent").GetInt32());
        using var foreign = await approver.PutJson($"/api/v1/wards/{PermitsHost.OtherCityWard}/policy", new { defaultRatioPercent = 10, chain = new { policeVerify = false, policeStamp = false } });
        await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        using var badRatio = await approver.PutJson($"/api/v1/wards/{daNangWard}/policy", new { defaultRatioPercent = 101, chain = new { policeVerify = false, policeStamp = false } });
        await badRatio.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        using var restore = await approver.PutJson($"/api/v1/cities/{PermitsHost.CityCode}/policy", new { defaultRatioPercent = 30 });
        await restore.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_ignores_diacritics_case_and_unicode_form_and_pages_with_a_cursor()
    {
        var admin = await host.AsAsync("admin");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var decomposed = $"Co\u0302ng ty The\u0301p {marker}".Normalize(System.Text.NormalizationForm.FormD);
        string taxCode = "";
        foreach (var name in new[] { $"Công ty Thép {marker}", decomposed, $"CÔNG TY THÉP {marker} CHI NHÁNH" })
        {
            taxCode = TestData.TaxCode();
            using var response = await admin.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode, name));
            await response.Expect(HttpStatusCode.Created);
        }
        var officer = await host.AsAsync("ward-officer");
        using var page1 = await officer.Get($"/api/v1/enterprises?q=cong%20ty%20thep%20{marker}&limit=2");
        var first = await page1.Expect(HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        using var page2 = await officer.Get($"/api/v1/enterprises?q=cong%20ty%20thep%20{marker}&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var second = await page2.Expect(HttpStatusCode.OK);
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        using var byTaxCode = await officer.Get($"/api/v1/enterprises?q={taxCode}");
        Assert.Single((await byTaxCode.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        using var wildcard = await officer.Get("/api/v1/enterprises?q=%25");
        Assert.Empty((await wildcard.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        // Scoped: the officer of the other ward finds none of them.
        var otherOfficer = await host.ClientAsync(PermitsHost.UserEmail("ward-officer", PermitsHost.OtherWardCode));
        using var hidden = await otherOfficer.Get($"/api/v1/enterprises?q={marker}");
        Assert.Empty((await hidden.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Search_finds_names_holding_every_word_of_the_query_in_any_order()
    {
        var admin = await host.AsAsync("admin");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var taxCodes = new List<string>();
        foreach (var name in new[] { $"Công ty Cổ phần Thép Đà Nẵng {marker}", $"Công ty TNHH Thép Miền Trung {marker}", $"Công ty TNHH Thủy sản {marker}" })
        {
            var taxCode = TestData.TaxCode();
            taxCodes.Add(taxCode);
            using var response = await admin.PostJson("/api/v1/enterprises", Registration(PermitsHost.WardCode, taxCode, name));
            await response.Expect(HttpStatusCode.Created);
        }
        var officer = await host.AsAsync("ward-officer");
        async Task<List<string>> Names(string q, string extra = "")
        {
            using var response = await officer.Get($"/api/v1/enterprises?q={Uri.EscapeDataString(q)}{extra}");
            return (await response.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
                .Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        }

        string[] steel = [$"Công ty Cổ phần Thép Đà Nẵng {marker}", $"Công ty TNHH Thép Miền Trung {marker}"];
        Assert.Equal(steel, await Names($"cong ty thep {marker}"));
        Assert.Equal(steel, await Names($"  {marker}   THÉP  công "));
        Assert.Equal(steel, await Names($"Co\u0302ng ty The\u0301p {marker}".Normalize(System.Text.NormalizationForm.FormD)));
        Assert.Equal([$"Công ty TNHH Thép Miền Trung {marker}"], await Names($"tnhh thep {marker}"));
        Assert.Equal([$"Công ty Cổ phần Thép Đà Nẵng {marker}"], await Names($"da nang {taxCodes[0]}"));
        Assert.Equal(3, (await Names($"{marker} cong")).Count);
        Assert.Empty(await Names($"cong ty thep da nang mien {marker}"));
        Assert.Empty(await Names($"{marker} %"));
        Assert.Empty(await Names($"{marker} _"));
        using (var tooLong = await officer.Get($"/api/v1/enterprises?q={Uri.EscapeDataString(string.Join(' ', Enumerable.Range(1, 11)))}"))
        {
            Assert.True((await tooLong.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("q", out _));
        }

        // Cursor paging over a search of several words.
        using var page1 = await officer.Get($"/api/v1/enterprises?q=cong%20thep%20{marker}&limit=1");
        var first = await page1.Expect(HttpStatusCode.OK);
        Assert.Single(first.GetProperty("items").EnumerateArray());
        using var page2 = await officer.Get($"/api/v1/enterprises?q=cong%20thep%20{marker}&limit=1&cursor={first.GetProperty("nextCursor").GetString()}");
        var second = await page2.Expect(HttpStatusCode.OK);
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // Scoped: the officer of the other ward finds none of them.
        var otherOfficer = await host.ClientAsync(PermitsHost.UserEmail("ward-officer", PermitsHost.OtherWardCode));
        using var hidden = await otherOfficer.Get($"/api/v1/enterprises?q=cong%20thep%20{marker}");
        Assert.Empty((await hidden.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_enterprise_sees_only_itself()
    {
        var enterprise = await host.AsAsync("enterprise");
        using var list = await enterprise.Get("/api/v1/enterprises");
        var only = Assert.Single((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(host.EnterpriseId, only.GetProperty("id").GetGuid());
        using var other = await enterprise.Get($"/api/v1/enterprises/{host.OtherEnterpriseId}");
        await other.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "/quota")]
    [InlineData("POST", "/activate")]
    [InlineData("POST", "/reject")]
    [InlineData("POST", "/requests")]
    [InlineData("GET", "/permits")]
    public async Task A_ward_officer_of_another_ward_gets_404_for_the_enterprise_and_every_route_under_it(string method, string suffix)
    {
        var otherOfficer = await host.ClientAsync(PermitsHost.UserEmail("ward-officer", PermitsHost.OtherWardCode));
        using var request = await RequestAsync(method, $"/api/v1/enterprises/{host.EnterpriseId}{suffix}");
        using var response = await otherOfficer.SendAsync(request, TestContext.Current.CancellationToken);
        var foreign = await response.ExpectProblem(HttpStatusCode.NotFound, "not_found");

        using var unknown = await RequestAsync(method, $"/api/v1/enterprises/{Guid.NewGuid()}{suffix}");
        using var missing = await otherOfficer.SendAsync(unknown, TestContext.Current.CancellationToken);
        var a = await missing.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(a.GetProperty("detail").GetString(), foreign.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/permits")]
    [InlineData("/permits/clear")]
    public async Task A_ward_officer_may_not_issue_or_clear_permits_of_any_enterprise_known_or_not(string suffix)
    {
        var otherOfficer = await host.ClientAsync(PermitsHost.UserEmail("ward-officer", PermitsHost.OtherWardCode));
        var answers = new List<JsonElement>();
        foreach (var id in new[] { host.EnterpriseId, host.OtherEnterpriseId, Guid.NewGuid() })
        {
            using var request = await RequestAsync("POST", $"/api/v1/enterprises/{id}{suffix}");
            using var response = await otherOfficer.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add(await response.ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        }
        Assert.Single(answers.Select(a => a.GetProperty("detail").GetString()).Distinct());
    }

    /// <summary>A request that would be accepted if the caller could reach the enterprise.</summary>
    private async Task<HttpRequestMessage> RequestAsync(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (url.EndsWith("/requests", StringComparison.Ordinal))
        {
            var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(0)]);
            var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "file", "danh-sach.xlsx");
            form.Add(new StringContent("addition"), "kind");
            request.Content = form;
        }
        else if (url.EndsWith("/permits", StringComparison.Ordinal) && method == "POST")
        {
            request.Content = JsonContent.Create(new { entryIds = new[] { Guid.NewGuid() } });
        }
        else if (url.EndsWith("/clear", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(new { periodId = Guid.NewGuid(), reason = "thử" });
        }
        else if (method != "GET")
        {
            request.Content = JsonContent.Create(new { reason = "thử", workforce = 10 });
        }
        return request;
    }

    [Fact]
    public async Task Anonymous_registrations_are_rate_limited()
    {
        await using var limited = host.Factory.WithWebHostBuilder(web =>
            web.UseSetting("Permits:RateLimits:AnonymousWritesPerMinute", "2"));
        var client = limited.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode));
            await ok.Expect(HttpStatusCode.Created);
        }
        using var refused = await client.PostJson("/api/v1/enterprises/registrations", Registration(PermitsHost.WardCode));
        await refused.ExpectProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class EnterpriseTestsOnSqlite(SqliteHost host) : EnterpriseTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class EnterpriseTestsOnPostgres(PostgresHost host) : EnterpriseTests(host);
