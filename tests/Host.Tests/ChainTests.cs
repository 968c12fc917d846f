using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Approvals.Contracts;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The wards' approval chains, end to end over HTTP.</summary>
public abstract class ChainTests(PermitsHost host)
{
    /// <summary>Phường Thạch Thang (Hải Châu): the ward these tests give a full chain (verify, approve, stamp).</summary>
    private const string HanoiStyleWard = "20233";

    private async Task<(Guid Enterprise, JsonElement Request)> SubmitAsync(string ward, int people, string kind = "addition", int first = 0, Guid? enterprise = null)
    {
        var id = enterprise ?? await host.RegisterEnterpriseAsync(ward, workforce: 100);
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), Enumerable.Range(first, people).Select(i => Workbooks.Person(i)));
        var client = ward == PermitsHost.WardCode ? await host.AsAsync("ward-officer") : await EnterpriseClientAsync(id);
        using var response = await RequestTests.UploadAsync(client, id, file, kind);
        return (id, await response.Expect(HttpStatusCode.Created));
    }

    private async Task<HttpClient> EnterpriseClientAsync(Guid enterprise)
    {
        var email = PermitsHost.EnterpriseEmail(enterprise);
        using (var exists = await (await host.AsAsync("admin")).Get($"/api/v1/users?role=enterprise&limit=500"))
        {
            if (!(await exists.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Any(u => u.GetProperty("email").GetString() == email))
            {
                await host.CreateUserAsync(email, "enterprise", enterprise: enterprise);
            }
        }
        return await host.ClientAsync(email);
    }

    private async Task EnsureFullChainAsync()
    {
        var approver = await host.AsAsync("approver");
        using var response = await approver.PutJson($"/api/v1/wards/{HanoiStyleWard}/policy",
            new { defaultRatioPercent = (int?)null, chain = new { policeVerify = true, policeStamp = true } });
        await response.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Approve_only_chain_approves_all_entries_once_and_emails_the_enterprise()
    {
        var (enterprise, request) = await SubmitAsync(PermitsHost.WardCode, 3);
        var id = request.GetProperty("id").GetString();
        Assert.False(request.GetProperty("requiresVerification").GetBoolean());
        var officer = await host.AsAsync("ward-officer");

        using (var verify = await (await host.AsAsync("area-police")).PostJson($"/api/v1/requests/{id}/verify", new { }))
        {
            await verify.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        using (var approve = await officer.PostJson($"/api/v1/requests/{id}/approve", new { }))
        {
            var approved = await approve.Expect(HttpStatusCode.OK);
            Assert.Equal("approved", approved.GetProperty("status").GetString());
            Assert.All(approved.GetProperty("entries").EnumerateArray(), e => Assert.Equal("approved", e.GetProperty("status").GetString()));
        }
        using (var twice = await officer.PostJson($"/api/v1/requests/{id}/approve", new { }))
        {
            await twice.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        using (var reject = await officer.PostJson($"/api/v1/requests/{id}/reject", new { reason = "muộn" }))
        {
            await reject.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }

        var entryIds = request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, (await ApprovedAsync(enterprise, entryIds)).Count);
        var contact = await ContactAsync(enterprise);
        var mails = await host.WaitForMailAsync(contact, 3);
        Assert.Contains(mails, m => m.Subject == "Danh sách đề nghị cấp giấy đi đường đã được duyệt" && m.Body.Contains("3/3 người", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Full_chain_needs_the_area_police_before_approval_and_refuses_steps_out_of_order()
    {
        await EnsureFullChainAsync();
        var (enterprise, request) = await SubmitAsync(HanoiStyleWard, 4);
        var id = request.GetProperty("id").GetString();
        Assert.True(request.GetProperty("requiresVerification").GetBoolean());
        var approver = await host.AsAsync("approver");

        using (var early = await approver.PostJson($"/api/v1/requests/{id}/approve", new { }))
        {
            await early.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        var police = await host.CreateWardUserAsync("area-police", HanoiStyleWard);
        using (var verify = await police.PostJson($"/api/v1/requests/{id}/verify", new { }))
        {
            var verified = await verify.Expect(HttpStatusCode.OK);
            Assert.Equal("verified", verified.GetProperty("status").GetString());
        }
        var entries = request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        using (var approve = await approver.PostJson($"/api/v1/requests/{id}/approve", new { entryIds = entries.Take(2) }))
        {
            var decided = await approve.Expect(HttpStatusCode.OK);
            Assert.Equal("partially_approved", decided.GetProperty("status").GetString());
            Assert.Equal(["approved", "approved", "rejected", "rejected"],
                decided.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        }
        using (var again = await police.PostJson($"/api/v1/requests/{id}/verify", new { }))
        {
            await again.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        Assert.Equal(2, (await ApprovedAsync(enterprise, entries)).Count);
        var mails = await host.WaitForMailAsync(await ContactAsync(enterprise), 3);
        Assert.Contains(mails, m => m.Body.Contains("2/4 người", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hanoi_chain_end_to_end_verify_approve_issue_stamp_then_valid()
    {
        await EnsureFullChainAsync();
        var (enterprise, request) = await SubmitAsync(HanoiStyleWard, 2, first: 500);
        var id = request.GetProperty("id").GetString();
        var police = await host.CreateWardUserAsync("area-police", HanoiStyleWard);
        using (var verify = await police.PostJson($"/api/v1/requests/{id}/verify", new { }))
        {
            await verify.Expect(HttpStatusCode.OK);
        }
        var officer = await host.CreateWardUserAsync("ward-officer", HanoiStyleWard);
        using (var approve = await officer.PostJson($"/api/v1/requests/{id}/approve", new { }))
        {
            Assert.Equal("approved", (await approve.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        var clerk = await EnterpriseClientAsync(enterprise);
        var entries = request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        using var issue = await clerk.PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries });
        var permits = (await issue.Expect(HttpStatusCode.Created)).GetProperty("permits").EnumerateArray().ToList();
        Assert.All(permits, p => Assert.Equal("approved", p.GetProperty("status").GetString()));

        var stampPolice = await host.CreateWardUserAsync("ward-police", HanoiStyleWard);
        foreach (var permit in permits)
        {
            var token = permit.GetProperty("token").GetString();
            using (var before = await host.Anonymous().Get($"/api/v1/verify/{token}"))
            {
                Assert.Equal("not_yet_valid", (await before.Expect(HttpStatusCode.OK)).GetProperty("result").GetString());
            }
            using (var stamp = await stampPolice.PostJson($"/api/v1/permits/{permit.GetProperty("id").GetString()}/stamp", new { }))
            {
                Assert.Equal("issued", (await stamp.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
            }
            using var after = await host.Anonymous().Get($"/api/v1/verify/{token}");
            Assert.Equal("valid", (await after.Expect(HttpStatusCode.OK)).GetProperty("result").GetString());
        }
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_emails_it_to_the_enterprise()
    {
        var (enterprise, request) = await SubmitAsync(PermitsHost.WardCode, 2);
        var id = request.GetProperty("id").GetString();
        var officer = await host.AsAsync("ward-officer");
        using (var noReason = await officer.PostJson($"/api/v1/requests/{id}/reject", new { reason = " " }))
        {
            await noReason.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        using (var reject = await officer.PostJson($"/api/v1/requests/{id}/reject", new { reason = "Danh sách vượt quá số lao động thực tế" }))
        {
            Assert.Equal("rejected", (await reject.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        var mails = await host.WaitForMailAsync(await ContactAsync(enterprise), 3);
        var mail = Assert.Single(mails, m => m.Subject == "Danh sách đề nghị cấp giấy đi đường bị từ chối");
        Assert.Contains("Lý do: Danh sách vượt quá số lao động thực tế", mail.Body, StringComparison.Ordinal);
        using var approve = await officer.PostJson($"/api/v1/requests/{id}/approve", new { });
        await approve.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task Approval_can_raise_the_quota_in_the_same_step()
    {
        var (enterprise, request) = await SubmitAsync(PermitsHost.WardCode, 2);
        var officer = await host.AsAsync("ward-officer");
        using var approve = await officer.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { quota = new { quota = 60 } });
        await approve.Expect(HttpStatusCode.OK);
        using var read = await officer.Get($"/api/v1/enterprises/{enterprise}");
        Assert.Equal(60, (await read.Expect(HttpStatusCode.OK)).GetProperty("quota").GetInt32());
    }

    [Fact]
    public async Task A_replacement_replaces_the_approved_list_and_an_addition_cannot_repeat_it()
    {
        var officer = await host.AsAsync("ward-officer");
        var (enterprise, first) = await SubmitAsync(PermitsHost.WardCode, 3, first: 100);
        using (var approve = await officer.PostJson($"/api/v1/requests/{first.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var firstIds = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

        // An approved person again, as an addition: refused row by row.
        var repeated = Workbooks.Fill(await RequestTests.TemplateAsync(host),
            [Workbooks.Person(100) with { IdNumber = first.GetProperty("entries")[0].GetProperty("idNumber").GetString()!,
                DateOfBirth = DateOnly.Parse(first.GetProperty("entries")[0].GetProperty("dateOfBirth").GetString()!, System.Globalization.CultureInfo.InvariantCulture) }]);
        using (var refused = await RequestTests.UploadAsync(officer, enterprise, repeated))
        {
            var problem = await refused.ExpectProblem(HttpStatusCode.UnprocessableEntity, "invalid_rows");
            Assert.Contains("danh sách được duyệt", problem.GetProperty("rowErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var (_, replacement) = await SubmitAsync(PermitsHost.WardCode, 2, kind: "replacement", first: 200, enterprise: enterprise);
        using (var approve = await officer.PostJson($"/api/v1/requests/{replacement.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var newIds = replacement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Empty(await ApprovedAsync(enterprise, firstIds));
        Assert.Equal(2, (await ApprovedAsync(enterprise, newIds)).Count);
    }

    [Fact]
    public async Task Each_role_has_its_inbox_oldest_first()
    {
        await EnsureFullChainAsync();
        var enterprise = await host.RegisterEnterpriseAsync(HanoiStyleWard);
        var (_, one) = await SubmitAsync(HanoiStyleWard, 1, enterprise: enterprise, first: 300);
        var (_, two) = await SubmitAsync(HanoiStyleWard, 1, enterprise: enterprise, first: 301);
        var police = await host.CreateWardUserAsync("area-police", HanoiStyleWard);
        var officer = await host.CreateWardUserAsync("ward-officer", HanoiStyleWard);

        using (var inbox = await police.Get("/api/v1/requests?limit=1"))
        {
            var page = await inbox.Expect(HttpStatusCode.OK);
            Assert.Equal(one.GetProperty("id").GetString(), page.GetProperty("items")[0].GetProperty("id").GetString());
            using var next = await police.Get($"/api/v1/requests?limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
            Assert.Equal(two.GetProperty("id").GetString(), (await next.Expect(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString());
        }
        using (var empty = await officer.Get("/api/v1/requests"))
        {
            Assert.Empty((await empty.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }
        using (var verify = await police.PostJson($"/api/v1/requests/{one.GetProperty("id").GetString()}/verify", new { }))
        {
            await verify.Expect(HttpStatusCode.OK);
        }
        using (var ready = await officer.Get("/api/v1/requests"))
        {
            var item = Assert.Single((await ready.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
            Assert.Equal(one.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        }
        var own = await EnterpriseClientAsync(enterprise);
        using var mine = await own.Get("/api/v1/requests");
        Assert.Equal(2, (await mine.Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        var otherOfficer = await host.AsAsync("ward-officer");
        using var hidden = await otherOfficer.Get($"/api/v1/requests/{one.GetProperty("id").GetString()}");
        await hidden.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_individual_application_goes_through_the_chain_to_the_approved_list()
    {
        var police = await host.AsAsync("area-police");
        var person = Workbooks.Person(7);
        using var created = await police.PostJson("/api/v1/applications", new
        {
            fullName = person.FullName, idNumber = person.IdNumber, dateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            gender = "Nữ", phone = "+84 905 111 222", address = "15 Lê Lợi, Phường Thanh Bình", wardCode = PermitsHost.WardCode,
            reason = "Đi khám bệnh định kỳ", destination = "Bệnh viện Đà Nẵng",
        });
        var application = await created.Expect(HttpStatusCode.Created);
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal("0905111222", application.GetProperty("phone").GetString());
        var id = application.GetProperty("id").GetString();

        var officer = await host.AsAsync("ward-officer");
        using (var inbox = await officer.Get("/api/v1/applications"))
        {
            Assert.Contains((await inbox.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        }
        string permitId;
        using (var approve = await officer.PostJson($"/api/v1/applications/{id}/approve", new { }))
        {
            var decided = await approve.Expect(HttpStatusCode.OK);
            Assert.Equal("approved", decided.GetProperty("status").GetString());
            permitId = decided.GetProperty("permitId").GetString()!;
        }
        // The approval yields the citizen's permit, in force at once in a ward without stamping.
        using (var permit = await officer.Get($"/api/v1/permits/{permitId}"))
        {
            var body = await permit.Expect(HttpStatusCode.OK);
            Assert.Equal("issued", body.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("enterpriseId").ValueKind);
            using var verify = await host.Anonymous().Get($"/api/v1/verify/{body.GetProperty("token").GetString()}");
            Assert.Equal("valid", (await verify.Expect(HttpStatusCode.OK)).GetProperty("result").GetString());
        }
        using (var twice = await officer.PostJson($"/api/v1/applications/{id}/approve", new { }))
        {
            await twice.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        await using var scope = host.Services.CreateAsyncScope();
        var approved = await scope.ServiceProvider.GetRequiredService<IApprovedList>()
            .FindIndividualAsync(application.GetProperty("entryId").GetGuid(), TestContext.Current.CancellationToken);
        Assert.Equal(person.IdNumber, approved!.IdNumber);
        using var asRequest = await officer.Get($"/api/v1/requests/{id}");
        await asRequest.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Bad_applications_are_refused_field_by_field_and_only_for_the_own_ward()
    {
        var police = await host.AsAsync("area-police");
        using var bad = await police.PostJson("/api/v1/applications", new
        {
            fullName = "", idNumber = "048012345", dateOfBirth = "1990-13-01", phone = "123", address = "", wardCode = PermitsHost.WardCode,
            reason = "", destination = "Chợ Hàn",
        });
        // The application's own fields and the person's, all in one answer.
        var errors = (await bad.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "reason", "fullName", "dateOfBirth", "phone", "address" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }
        Assert.False(errors.TryGetProperty("destination", out _), errors.ToString());
        using var unknownWard = await police.PostJson("/api/v1/applications", new
        {
            fullName = "", idNumber = "048012345", dateOfBirth = "1990-01-01", address = "1 Lê Duẩn", wardCode = "99999",
            reason = "Mua thuốc", destination = "",
        });
        var wardErrors = (await unknownWard.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "wardCode", "destination", "fullName" })
        {
            Assert.True(wardErrors.TryGetProperty(field, out _), $"{field}: {wardErrors}");
        }
        var person = Workbooks.Person(9);
        using var invalidPerson = await police.PostJson("/api/v1/applications", new
        {
            fullName = "", idNumber = "12345", dateOfBirth = "1990-13-01", phone = "123", address = "", wardCode = PermitsHost.WardCode,
            reason = "Mua thuốc", destination = "Chợ Hàn",
        });
        var personErrors = (await invalidPerson.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        foreach (var field in new[] { "fullName", "idNumber", "dateOfBirth", "phone", "address" })
        {
            Assert.True(personErrors.TryGetProperty(field, out _), $"{field}: {personErrors}");
        }
        using var otherWard = await police.PostJson("/api/v1/applications", new
        {
            fullName = person.FullName, idNumber = person.IdNumber, dateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            address = "1 Lê Duẩn", wardCode = PermitsHost.OtherWardCode, reason = "Mua thuốc", destination = "Chợ Hàn",
        });
        await otherWard.ExpectProblem(HttpStatusCode.Forbidden, "outside_scope");
    }

    [Fact]
    public async Task Ward_police_have_the_permits_awaiting_their_stamp_as_inbox_and_nothing_in_the_request_chain()
    {
        const string ward = "20242";      // Phường Phước Ninh: no other test uses it, so its lists are this test's
        const string otherWard = "20239"; // Phường Hải Châu II: likewise
        var approver = await host.AsAsync("approver");
        foreach (var code in new[] { ward, otherWard })
        {
            using var policy = await approver.PutJson($"/api/v1/wards/{code}/policy",
                new { defaultRatioPercent = (int?)null, chain = new { policeVerify = false, policeStamp = true } });
            await policy.Expect(HttpStatusCode.OK);
        }
        var officer = await host.CreateWardUserAsync("ward-officer", ward);
        var wardPolice = await host.CreateWardUserAsync("ward-police", ward);

        // Requests of the ward in every state: approved, rejected, still submitted.
        var enterprise = await host.RegisterEnterpriseAsync(ward);
        var (_, approvedRequest) = await SubmitAsync(ward, 3, enterprise: enterprise, first: 900);
        using (var approve = await officer.PostJson($"/api/v1/requests/{approvedRequest.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var (_, rejectedRequest) = await SubmitAsync(ward, 1, enterprise: enterprise, first: 903);
        using (var reject = await officer.PostJson($"/api/v1/requests/{rejectedRequest.GetProperty("id").GetString()}/reject", new { reason = "Trùng danh sách" }))
        {
            await reject.Expect(HttpStatusCode.OK);
        }
        await SubmitAsync(ward, 1, enterprise: enterprise, first: 904);

        // A citizen's application approved: its permit waits for the stamp too (it has no enterprise).
        var person = Workbooks.Person(905);
        using var created = await (await host.CreateWardUserAsync("area-police", ward)).PostJson("/api/v1/applications", new
        {
            fullName = person.FullName, idNumber = person.IdNumber, dateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            address = "3 Lê Đình Dương", wardCode = ward, reason = "Đi làm", destination = "Cảng Tiên Sa",
        });
        var application = await created.Expect(HttpStatusCode.Created);
        string individualPermit;
        using (var approve = await officer.PostJson($"/api/v1/applications/{application.GetProperty("id").GetString()}/approve", new { }))
        {
            individualPermit = (await approve.Expect(HttpStatusCode.OK)).GetProperty("permitId").GetString()!;
        }

        // The enterprise issues three permits; the ward police stamp one of them.
        var entries = approvedRequest.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        using var issue = await (await EnterpriseClientAsync(enterprise)).PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries });
        var issued = (await issue.Expect(HttpStatusCode.Created)).GetProperty("permits").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        using (var stamp = await wardPolice.PostJson($"/api/v1/permits/{issued[0]}/stamp", new { }))
        {
            await stamp.Expect(HttpStatusCode.OK);
        }

        // Another ward's permit waiting for its own police.
        var (otherEnterprise, otherRequest) = await SubmitAsync(otherWard, 1, first: 906);
        using (var approve = await (await host.CreateWardUserAsync("ward-officer", otherWard)).PostJson(
            $"/api/v1/requests/{otherRequest.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        using var otherIssue = await (await EnterpriseClientAsync(otherEnterprise)).PostJson($"/api/v1/enterprises/{otherEnterprise}/permits",
            new { entryIds = otherRequest.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()) });
        var otherPermit = (await otherIssue.Expect(HttpStatusCode.Created)).GetProperty("permits")[0].GetProperty("id").GetString();

        // Nothing of the request chain awaits the ward police, decided or not; asked by status, they still read their ward's.
        using (var requests = await wardPolice.Get("/api/v1/requests"))
        {
            Assert.Empty((await requests.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }
        using (var applications = await wardPolice.Get("/api/v1/applications"))
        {
            Assert.Empty((await applications.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }
        using (var byStatus = await wardPolice.Get("/api/v1/requests?status=approved"))
        {
            var approvedItem = Assert.Single((await byStatus.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
            Assert.Equal(approvedRequest.GetProperty("id").GetString(), approvedItem.GetProperty("id").GetString());
        }

        // The stamp inbox: exactly the ward's unstamped permits, oldest first, page by page.
        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var page = await wardPolice.Get($"/api/v1/permits/awaiting-stamp?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            var body = await page.Expect(HttpStatusCode.OK);
            seen.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = body.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        var ids = seen.Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Equal(individualPermit, ids[0]); // issued before the enterprise's
        Assert.Equal(new[] { individualPermit, issued[1], issued[2] }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Select(Guid.Parse).Order(), ids.Select(Guid.Parse));
        Assert.All(seen, p => Assert.Equal(("approved", ward), (p.GetProperty("status").GetString(), p.GetProperty("wardCode").GetString())));
        using (var theirs = await (await host.CreateWardUserAsync("ward-police", otherWard)).Get("/api/v1/permits/awaiting-stamp"))
        {
            var other = (await theirs.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
            Assert.Equal([otherPermit], other);
        }
    }

    [Fact]
    public async Task An_addition_cannot_approve_people_already_approved_but_the_rest_of_it_can_be()
    {
        var officer = await host.AsAsync("ward-officer");
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var person = Workbooks.Person(610);
        var template = await RequestTests.TemplateAsync(host);
        // Two additions with the same person, both waiting: at upload nobody was approved yet.
        using var firstUpload = await RequestTests.UploadAsync(officer, enterprise, Workbooks.Fill(template, [person]));
        var first = await firstUpload.Expect(HttpStatusCode.Created);
        using var secondUpload = await RequestTests.UploadAsync(officer, enterprise,
            Workbooks.Fill(template, [Workbooks.Person(611), person with { Phone = "0912345678", Position = "Tổ trưởng" }]));
        var second = await secondUpload.Expect(HttpStatusCode.Created);
        using (var approve = await officer.PostJson($"/api/v1/requests/{first.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var firstEntry = first.GetProperty("entries")[0].GetProperty("id").GetGuid();
        var secondEntries = second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        var secondId = second.GetProperty("id").GetString();

        // Approving the second whole is refused, naming the entry; nothing changes.
        using (var refused = await officer.PostJson($"/api/v1/requests/{secondId}/approve", new { }))
        {
            var problem = await refused.ExpectProblem(HttpStatusCode.Conflict, "already_approved");
            Assert.Equal([secondEntries[1]], problem.GetProperty("entryIds").EnumerateArray().Select(e => e.GetGuid()));
            Assert.Equal([3], problem.GetProperty("rows").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Contains("danh sách được duyệt của doanh nghiệp: 1 người (dòng 3)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var english = await host.AsAsync("ward-officer");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using (var refused = await english.PostJson($"/api/v1/requests/{secondId}/approve", new { entryIds = new[] { secondEntries[1] } }))
        {
            var problem = await refused.ExpectProblem(HttpStatusCode.Conflict, "already_approved");
            Assert.Contains("Already on the enterprise's approved list: 1 of the entries (rows 3)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var unchanged = await officer.Get($"/api/v1/requests/{secondId}"))
        {
            var body = await unchanged.Expect(HttpStatusCode.OK);
            Assert.Equal("submitted", body.GetProperty("status").GetString());
            Assert.All(body.GetProperty("entries").EnumerateArray(), e => Assert.Equal("pending", e.GetProperty("status").GetString()));
        }
        var kept = Assert.Single(await ApprovedAsync(enterprise, [firstEntry, .. secondEntries]));
        Assert.Equal((firstEntry, "0905123456", "Công nhân"), (kept.EntryId, kept.Phone, kept.Position));

        // The rest of it can be approved.
        using (var rest = await officer.PostJson($"/api/v1/requests/{secondId}/approve", new { entryIds = new[] { secondEntries[0] } }))
        {
            var decided = await rest.Expect(HttpStatusCode.OK);
            Assert.Equal("partially_approved", decided.GetProperty("status").GetString());
        }
        var approved = await ApprovedAsync(enterprise, [firstEntry, .. secondEntries]);
        Assert.Equal(new[] { firstEntry, secondEntries[0] }.Order(), approved.Select(a => a.EntryId).Order());
        Assert.Equal("0905123456", approved.Single(a => a.EntryId == firstEntry).Phone);
    }

    [Fact]
    public async Task A_replacement_may_repeat_approved_people_and_replaces_their_details()
    {
        var officer = await host.AsAsync("ward-officer");
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var person = Workbooks.Person(620);
        var template = await RequestTests.TemplateAsync(host);
        using var additionUpload = await RequestTests.UploadAsync(officer, enterprise, Workbooks.Fill(template, [person]));
        var addition = await additionUpload.Expect(HttpStatusCode.Created);
        using (var approve = await officer.PostJson($"/api/v1/requests/{addition.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        using var replacementUpload = await RequestTests.UploadAsync(officer, enterprise,
            Workbooks.Fill(template, [person with { Phone = "0912345678" }, Workbooks.Person(621)]), kind: "replacement");
        var replacement = await replacementUpload.Expect(HttpStatusCode.Created);
        using (var approve = await officer.PostJson($"/api/v1/requests/{replacement.GetProperty("id").GetString()}/approve", new { }))
        {
            Assert.Equal("approved", (await approve.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        var old = addition.GetProperty("entries")[0].GetProperty("id").GetGuid();
        var fresh = replacement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        var approved = await ApprovedAsync(enterprise, [old, .. fresh]);
        Assert.Equal(fresh.Order(), approved.Select(a => a.EntryId).Order());
        Assert.Equal("0912345678", approved.Single(a => a.IdNumber == person.IdNumber).Phone);
    }

    [Fact]
    public async Task A_person_holding_a_live_permit_of_another_enterprise_is_refused_at_upload()
    {
        var officer = await host.AsAsync("ward-officer");
        var (holder, request) = await SubmitAsync(PermitsHost.WardCode, 1, first: 630);
        using (var approve = await officer.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { }))
        {
            await approve.Expect(HttpStatusCode.OK);
        }
        var entry = request.GetProperty("entries")[0];
        using (var issue = await (await EnterpriseClientAsync(holder)).PostJson($"/api/v1/enterprises/{holder}/permits",
            new { entryIds = new[] { entry.GetProperty("id").GetGuid() } }))
        {
            await issue.Expect(HttpStatusCode.Created);
        }

        var other = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var same = Workbooks.Person(630) with
        {
            IdNumber = entry.GetProperty("idNumber").GetString()!,
            DateOfBirth = DateOnly.Parse(entry.GetProperty("dateOfBirth").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        };
        using var refused = await RequestTests.UploadAsync(officer, other, Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(631), same]));
        var problem = await refused.ExpectProblem(HttpStatusCode.UnprocessableEntity, "invalid_rows");
        var error = Assert.Single(problem.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal((3, "B"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal("Người này đang có giấy đi đường còn hiệu lực của doanh nghiệp khác.", error.GetProperty("message").GetString());
        using var stored = await officer.Get($"/api/v1/requests?status=submitted&enterpriseId={other}");
        Assert.Empty((await stored.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Full_chain_verified_then_rejected_emails_the_reason_to_the_enterprise()
    {
        await EnsureFullChainAsync();
        var (enterprise, request) = await SubmitAsync(HanoiStyleWard, 2, first: 640);
        var id = request.GetProperty("id").GetString();
        var police = await host.CreateWardUserAsync("area-police", HanoiStyleWard);
        using (var verify = await police.PostJson($"/api/v1/requests/{id}/verify", new { }))
        {
            Assert.Equal("verified", (await verify.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        var officer = await host.CreateWardUserAsync("ward-officer", HanoiStyleWard);
        using (var reject = await officer.PostJson($"/api/v1/requests/{id}/reject", new { reason = "Người lao động không thuộc ca trực" }))
        {
            var rejected = await reject.Expect(HttpStatusCode.OK);
            Assert.Equal("rejected", rejected.GetProperty("status").GetString());
            Assert.Equal("Người lao động không thuộc ca trực", rejected.GetProperty("rejectionReason").GetString());
            Assert.Equal(JsonValueKind.String, rejected.GetProperty("verifiedBy").ValueKind);
        }
        using (var read = await officer.Get($"/api/v1/requests/{id}"))
        {
            Assert.All((await read.Expect(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray(),
                e => Assert.Equal("rejected", e.GetProperty("status").GetString()));
        }
        var mail = await host.WaitForMailAsync(await ContactAsync(enterprise), m => m.Subject == "Danh sách đề nghị cấp giấy đi đường bị từ chối");
        Assert.Contains("Lý do: Người lao động không thuộc ca trực", mail.Body, StringComparison.Ordinal);
        using (var approve = await officer.PostJson($"/api/v1/requests/{id}/approve", new { }))
        {
            await approve.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        Assert.Empty(await ApprovedAsync(enterprise, request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList()));
    }

    private async Task<IReadOnlyList<ApprovedPerson>> ApprovedAsync(Guid enterprise, IReadOnlyCollection<Guid> entryIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IApprovedList>().FindAsync(enterprise, entryIds, TestContext.Current.CancellationToken);
    }

    private async Task<string> ContactAsync(Guid enterprise)
    {
        using var read = await (await host.AsAsync("approver")).Get($"/api/v1/enterprises/{enterprise}");
        return (await read.Expect(HttpStatusCode.OK)).GetProperty("contactEmail").GetString()!;
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ChainTestsOnSqlite(SqliteHost host) : ChainTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ChainTestsOnPostgres(PostgresHost host) : ChainTests(host);

/// <summary>Answers to the review of the approval flow: odd but legal input gets a clean answer.</summary>
public abstract class ChainEdgeTests(PermitsHost host)
{
    [Fact]
    public async Task Approve_without_a_body_approves_every_entry()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var officer = await host.AsAsync("ward-officer");
        using var upload = await RequestTests.UploadAsync(officer, enterprise,
            Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(1), Workbooks.Person(2)]));
        var id = (await upload.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var approve = await officer.PostAsync($"/api/v1/requests/{id}/approve", null, TestContext.Current.CancellationToken);
        Assert.Equal("approved", (await approve.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_a_400()
    {
        var officer = await host.AsAsync("ward-officer");
        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        using var response = await officer.PostAsync($"/api/v1/enterprises/{host.EnterpriseId}/requests", content, TestContext.Current.CancellationToken);
        await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_same_citizen_cannot_have_two_applications_under_way()
    {
        var police = await host.AsAsync("area-police");
        var person = Workbooks.Person(11);
        object Body() => new
        {
            fullName = person.FullName, idNumber = person.IdNumber,
            dateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            address = "2 Lê Lợi", wardCode = PermitsHost.WardCode, reason = "Đi làm", destination = "KCN Hòa Khánh",
        };
        using (var first = await police.PostJson("/api/v1/applications", Body()))
        {
            await first.Expect(HttpStatusCode.Created);
        }
        using var second = await police.PostJson("/api/v1/applications", Body());
        await second.ExpectProblem(HttpStatusCode.Conflict, "duplicate_person");
    }

    [Fact]
    public async Task A_catalogue_with_null_items_is_refused_not_crashed_on()
    {
        var admin = await host.AsAsync("admin");
        using var content = new StringContent("{\"data\":[null]}", System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/admin/geo/import", content, TestContext.Current.CancellationToken);
        await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Audit_details_are_json_objects()
    {
        // A user of its own: the latest user of the shared host may be anyone's, created by any test.
        using var created = await host.TryCreateUserAsync($"audit.{Guid.NewGuid():N}@tests.local", "checkpoint", city: PermitsHost.CityCode);
        var id = (await created.Expect(HttpStatusCode.Created)).GetProperty("id").GetString();
        var admin = await host.AsAsync("admin");
        using var response = await admin.Get($"/api/v1/audit?entityType=user&entityId={id}");
        var line = (await response.Expect(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Object, line.GetProperty("details").ValueKind);
        Assert.Equal("checkpoint", line.GetProperty("details").GetProperty("role").GetString());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ChainEdgeTestsOnSqlite(SqliteHost host) : ChainEdgeTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ChainEdgeTestsOnPostgres(PostgresHost host) : ChainEdgeTests(host);
