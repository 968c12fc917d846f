using System.Net;
using System.Net.Http.Headers;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>Idempotency-Key on the POSTs that create: a retry returns the first answer and changes nothing.</summary>
public abstract class IdempotencyTests(PermitsHost host)
{
    [Fact]
    public async Task A_retried_upload_returns_the_first_request_and_stores_no_second()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var officer = await host.AsAsync("ward-officer");
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(1), Workbooks.Person(2)]);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Send()
        {
            using var form = new MultipartFormDataContent("fixed-boundary-for-retries");
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "file", "danh-sach.xlsx");
            form.Add(new StringContent("addition"), "kind");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enterprises/{enterprise}/requests") { Content = form };
            request.Headers.Add("Idempotency-Key", key);
            return await officer.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using var first = await Send();
        var original = await first.Expect(HttpStatusCode.Created);
        using var retry = await Send();
        var replayed = await retry.Expect(HttpStatusCode.Created);
        Assert.Equal(original.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));

        using var list = await officer.Get($"/api/v1/requests?enterpriseId={enterprise}&status=submitted");
        Assert.Single((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_other_callers_have_their_own_keys()
    {
        var admin = await host.AsAsync("admin");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Create(HttpClient client, string email)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { email, password = PermitsHost.Password, fullName = "Thử", role = "checkpoint", cityCode = PermitsHost.CityCode }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
        var email = Http.Unique("idem") + "@tests.local";
        using (var first = await Create(admin, email))
        {
            await first.Expect(HttpStatusCode.Created);
        }
        using (var same = await Create(admin, email))
        {
            await same.Expect(HttpStatusCode.Created); // replayed, not a 409 duplicate_email
        }
        using var other = await Create(admin, Http.Unique("other") + "@tests.local");
        await other.ExpectProblem(HttpStatusCode.Conflict, "idempotency_conflict");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class IdempotencyTestsOnSqlite(SqliteHost host) : IdempotencyTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class IdempotencyTestsOnPostgres(PostgresHost host) : IdempotencyTests(host);
