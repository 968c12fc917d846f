using System.Net;
using System.Net.Http.Headers;
using TravelPermits.TestSupport;
using Xunit;

namespace TravelPermits.Web.Tests;

/// <summary>What a browser test needs done before its screens are looked at, through the API as its users would.</summary>
internal static class ApiSteps
{
    public sealed record Issued(Guid Id, string Token, PersonRow Person);

    /// <summary>A word of letters only (a name may hold no digit) that makes a test's people and enterprises its own.</summary>
    public static string Tag() => "Q" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    /// <summary>An active enterprise registered by the approver in a ward of the demo city.</summary>
    public static async Task<(Guid Id, string Name)> RegisterEnterpriseAsync(WebHost web, string wardCode, int workforce, string tag)
    {
        using var approver = await web.ApiAsync(WebHost.Approver);
        var name = $"Công ty Thử Cấp Độ {tag}";
        using var response = await approver.PostJson("/api/v1/enterprises", new
        {
            name, taxCode = TestData.TaxCode(), wardCode, address = "1 Nguyễn Lương Bằng, Liên Chiểu",
            contactEmail = $"lienhe.{tag.ToLowerInvariant()}@example.vn", contactPhone = "0905 222 333", workforce,
        });
        return ((await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid(), name);
    }

    /// <summary>A clerk's account for an enterprise, created by the admin; its email.</summary>
    public static async Task<string> CreateClerkAsync(WebHost web, Guid enterpriseId, string tag)
    {
        using var admin = await web.ApiAsync(WebHost.Admin);
        var email = $"clerk.{tag.ToLowerInvariant()}@example.vn";
        using var response = await admin.PostJson("/api/v1/users", new
        {
            email, password = WebHost.Password, fullName = $"Nhân sự {tag}", role = "enterprise", enterpriseId,
        });
        await response.Expect(HttpStatusCode.Created);
        return email;
    }

    /// <summary>
    /// The people on the enterprise's approved list (the clerk's upload, the approver's decision) and a
    /// permit issued to each.
    /// </summary>
    public static async Task<IReadOnlyList<Issued>> IssueAsync(WebHost web, string clerkEmail, IReadOnlyList<PersonRow> people)
    {
        var ct = TestContext.Current.CancellationToken;
        using var clerk = await web.ApiAsync(clerkEmail);
        var me = await (await clerk.Get("/api/v1/me")).Expect(HttpStatusCode.OK);
        var enterpriseId = me.GetProperty("enterpriseId").GetGuid();
        var template = await clerk.GetByteArrayAsync("/api/v1/requests/template.xlsx", ct);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Workbooks.Fill(template, people));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "danh-sach.xlsx");
        form.Add(new StringContent("addition"), "kind");
        using var upload = await clerk.PostAsync($"/api/v1/enterprises/{enterpriseId}/requests", form, ct);
        var request = await upload.Expect(HttpStatusCode.Created);
        var entries = request.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => e.GetProperty("idNumber").GetString()!, e => e.GetProperty("id").GetGuid());

        using (var approver = await web.ApiAsync(WebHost.Approver))
        {
            using var approve = await approver.PostJson($"/api/v1/requests/{request.GetProperty("id").GetGuid()}/approve", new { });
            await approve.Expect(HttpStatusCode.OK);
        }

        using var issue = await clerk.PostJson($"/api/v1/enterprises/{enterpriseId}/permits", new { entryIds = entries.Values });
        var issued = (await issue.Expect(HttpStatusCode.Created)).GetProperty("permits").EnumerateArray()
            .ToDictionary(p => p.GetProperty("entryId").GetGuid(), p => (Id: p.GetProperty("id").GetGuid(), Token: p.GetProperty("token").GetString()!));
        return people.Select(p => issued[entries[p.IdNumber]]).Zip(people, (permit, p) => new Issued(permit.Id, permit.Token, p)).ToList();
    }

    public static async Task RevokeAsync(WebHost web, string clerkEmail, Guid permitId)
    {
        using var clerk = await web.ApiAsync(clerkEmail);
        using var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permitId }, reason = "Nghỉ việc" });
        await revoke.Expect(HttpStatusCode.OK);
    }
}
