using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>Idempotency-Key on the POSTs that create: a retry returns the first answer and changes nothing.</summary>
public abstract class IdempotencyTests(PermitsHost host)
{
    /// <summary>Uploads as curl does: every run picks its own random boundary.</summary>
    private async Task<HttpResponseMessage> Upload(HttpClient client, Guid enterprise, string key, byte[] file, string kind = "addition")
    {
        using var form = new MultipartFormDataContent($"------------------------{Guid.NewGuid():N}");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "danh-sach.xlsx");
        form.Add(new StringContent(kind), "kind");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enterprises/{enterprise}/requests") { Content = form };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_retried_upload_with_another_boundary_returns_the_first_request_and_stores_no_second()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var officer = await host.AsAsync("ward-officer");
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), [Workbooks.Person(1), Workbooks.Person(2)]);
        var key = Guid.NewGuid().ToString();

        using var first = await Upload(officer, enterprise, key, file);
        var original = await first.Expect(HttpStatusCode.Created);
        using var retry = await Upload(officer, enterprise, key, file);
        await retry.Expect(HttpStatusCode.Created);
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));

        using var list = await officer.Get($"/api/v1/requests?enterpriseId={enterprise}&status=submitted");
        var stored = Assert.Single((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(original.GetProperty("id").GetString(), stored.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_key_with_another_file_or_kind_is_refused()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var officer = await host.AsAsync("ward-officer");
        var template = await RequestTests.TemplateAsync(host);
        var file = Workbooks.Fill(template, [Workbooks.Person(1)]);
        var key = Guid.NewGuid().ToString();

        using (var first = await Upload(officer, enterprise, key, file))
        {
            await first.Expect(HttpStatusCode.Created);
        }
        using (var otherFile = await Upload(officer, enterprise, key, Workbooks.Fill(template, [Workbooks.Person(3)])))
        {
            await otherFile.ExpectProblem(HttpStatusCode.Conflict, "idempotency_conflict");
        }
        using (var otherKind = await Upload(officer, enterprise, key, file, "replacement"))
        {
            await otherKind.ExpectProblem(HttpStatusCode.Conflict, "idempotency_conflict");
        }
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

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient clerk, Guid enterprise, IEnumerable<Guid> entries, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enterprises/{enterprise}/permits")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { entryIds = entries }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await clerk.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<int> ActivePermitsAsync(HttpClient clerk, Guid enterprise)
    {
        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        return (await read.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32();
    }

    [Fact]
    public async Task An_issue_is_replayed_from_its_own_transaction_even_when_nothing_after_its_commit_ran()
    {
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, 2);
        // A Host that dies between the handler's commit and the store that follows it: every
        // answer stored after a handler is lost there.
        await using var dying = host.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.ConfigureDbContext<PlatformDbContext>(options => options.AddInterceptors(new LoseStoredAnswers()))));
        var dyingClerk = dying.CreateClient();
        dyingClerk.DefaultRequestHeaders.Authorization = clerk.DefaultRequestHeaders.Authorization;
        var key = Guid.NewGuid().ToString();

        using var first = await IssueAsync(dyingClerk, enterprise, entries, key);
        var original = await first.Expect(HttpStatusCode.Created);
        using var retry = await IssueAsync(clerk, enterprise, entries, key);
        Assert.Equal(original.ToString(), (await retry.Expect(HttpStatusCode.Created)).ToString());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ActivePermitsAsync(clerk, enterprise));
    }

    [Fact]
    public async Task Two_issues_sent_at_once_with_the_same_key_issue_once_and_both_get_the_answer()
    {
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, 3);
        var key = Guid.NewGuid().ToString();

        var both = await Task.WhenAll(IssueAsync(clerk, enterprise, entries, key), IssueAsync(clerk, enterprise, entries, key));
        try
        {
            // One ran, the other was refused as a duplicate (or found the answer stored): it gets the first answer.
            var bodies = await Task.WhenAll(both.Select(r => r.Expect(HttpStatusCode.Created)));
            Assert.Equal(bodies[0].ToString(), bodies[1].ToString());
            Assert.Single(both, r => r.Headers.Contains("Idempotent-Replayed"));
        }
        finally
        {
            foreach (var response in both)
            {
                response.Dispose();
            }
        }
        Assert.Equal(3, await ActivePermitsAsync(clerk, enterprise));
    }

    /// <summary>Fails every save of a stored answer through the platform's context, as a crash right after the handler would.</summary>
    private sealed class LoseStoredAnswers : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context?.ChangeTracker.Entries<StoredResponse>().Any() == true
                ? throw new IOException("The process ended before the answer was stored.")
                : ValueTask.FromResult(result);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class IdempotencyTestsOnSqlite(SqliteHost host) : IdempotencyTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class IdempotencyTestsOnPostgres(PostgresHost host) : IdempotencyTests(host);
