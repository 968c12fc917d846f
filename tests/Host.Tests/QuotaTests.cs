using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

public abstract class QuotaTests(PermitsHost host)
{
    [Fact]
    public async Task An_approver_raises_the_quota_explicitly_with_a_reason_that_is_audited_and_emailed()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        var approver = await host.AsAsync("approver");
        using var response = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 55, reason = "Doanh nghiệp cung ứng thiết yếu" });
        var enterprise = await response.Expect(HttpStatusCode.OK);
        Assert.Equal(55, enterprise.GetProperty("quota").GetInt32());
        Assert.True(enterprise.GetProperty("quotaIsExplicit").GetBoolean());
        Assert.Equal(55, enterprise.GetProperty("remaining").GetInt32());

        using var audit = await approver.Get($"/api/v1/audit?entityType=enterprise&entityId={id}");
        var line = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("action").GetString() == "enterprise.quota_changed");
        Assert.Equal("Doanh nghiệp cung ứng thiết yếu", line.GetProperty("details").GetProperty("reason").GetString());
        var mails = await host.WaitForMailAsync(enterprise.GetProperty("contactEmail").GetString()!, 3);
        Assert.Contains(mails, m => m.Body.Contains("từ 30 thành 55 người", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workforce_and_ratio_recompute_the_quota_and_drop_an_explicit_one()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        var officer = await host.AsAsync("ward-officer");
        using (var set = await officer.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 80, reason = "Tăng ca" }))
        {
            await set.Expect(HttpStatusCode.OK);
        }
        using var response = await officer.PutJson($"/api/v1/enterprises/{id}/quota", new { workforce = 250, ratioPercent = 50, reason = "Cập nhật lao động" });
        var enterprise = await response.Expect(HttpStatusCode.OK);
        Assert.Equal(125, enterprise.GetProperty("quota").GetInt32());
        Assert.False(enterprise.GetProperty("quotaIsExplicit").GetBoolean());
        Assert.Equal(250, enterprise.GetProperty("workforce").GetInt32());
    }

    [Fact]
    public async Task Lowering_the_quota_under_the_live_permits_is_refused_and_changes_nothing()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        Assert.True(await TakeAsync(host.Services, id, 20));
        var approver = await host.AsAsync("approver");
        using var lower = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 19, reason = "Giảm" });
        var problem = await lower.ExpectProblem(HttpStatusCode.Conflict, "quota_below_active");
        Assert.Equal(20, problem.GetProperty("activePermits").GetInt32());
        using var ratio = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { ratioPercent = 10, reason = "Giảm" });
        await ratio.ExpectProblem(HttpStatusCode.Conflict, "quota_below_active");
        // Fewer workers: floor(50 × 30 / 100) = 15 places, under the 20 live permits.
        using var workforce = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { workforce = 50, reason = "Cắt giảm lao động" });
        var fewer = await workforce.ExpectProblem(HttpStatusCode.Conflict, "quota_below_active");
        Assert.Equal(15, fewer.GetProperty("requestedQuota").GetInt32());
        Assert.Equal(20, fewer.GetProperty("activePermits").GetInt32());
        using (var unchanged = await approver.Get($"/api/v1/enterprises/{id}"))
        {
            var read = await unchanged.Expect(HttpStatusCode.OK);
            Assert.Equal(100, read.GetProperty("workforce").GetInt32());
            Assert.Equal(30, read.GetProperty("quota").GetInt32());
        }

        using var exact = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 20, reason = "Giảm vừa đủ" });
        var enterprise = await exact.Expect(HttpStatusCode.OK);
        Assert.Equal(20, enterprise.GetProperty("quota").GetInt32());
        Assert.Equal(20, enterprise.GetProperty("activePermits").GetInt32());
        Assert.Equal(0, enterprise.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Invalid_quota_changes_are_refused_with_every_reason()
    {
        var approver = await host.AsAsync("approver");
        var url = $"/api/v1/enterprises/{host.EnterpriseId}/quota";
        using (var nothing = await approver.PutJson(url, new { reason = "Không có gì" }))
        {
            Assert.True((await nothing.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("quota", out _));
        }
        using (var noReason = await approver.PutJson(url, new { quota = 10 }))
        {
            Assert.True((await noReason.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("reason", out _));
        }
        using (var bad = await approver.PutJson(url, new { ratioPercent = 120, quota = -1, workforce = 0, reason = "x" }))
        {
            var errors = (await bad.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
            Assert.True(errors.TryGetProperty("ratioPercent", out _) && errors.TryGetProperty("quota", out _) && errors.TryGetProperty("workforce", out _));
        }
        using var overWorkforce = await approver.PutJson(url, new { quota = 101, reason = "Quá" });
        await overWorkforce.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        using var unchanged = await approver.Get($"/api/v1/enterprises/{host.EnterpriseId}");
        Assert.Equal(30, (await unchanged.Expect(HttpStatusCode.OK)).GetProperty("quota").GetInt32());
    }

    [Fact]
    public async Task An_approver_of_another_city_gets_404_and_changes_nothing()
    {
        var haNoi = await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode));
        using var foreign = await haNoi.PutJson($"/api/v1/enterprises/{host.EnterpriseId}/quota", new { quota = 90, reason = "Ngoài địa bàn" });
        var problem = await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        using var unknown = await haNoi.PutJson($"/api/v1/enterprises/{Guid.NewGuid()}/quota", new { quota = 90, reason = "Ngoài địa bàn" });
        Assert.Equal(problem.GetProperty("detail").GetString(), (await unknown.ExpectProblem(HttpStatusCode.NotFound, "not_found")).GetProperty("detail").GetString());
        using var unchanged = await (await host.AsAsync("approver")).Get($"/api/v1/enterprises/{host.EnterpriseId}");
        Assert.Equal(30, (await unchanged.Expect(HttpStatusCode.OK)).GetProperty("quota").GetInt32());
    }

    [Fact]
    public async Task Only_an_active_enterprises_quota_changes()
    {
        using var registered = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = "Công ty Chưa Duyệt", taxCode = TestData.TaxCode(), wardCode = PermitsHost.WardCode, address = "3 Bạch Đằng",
            contactEmail = Http.Unique("q") + "@tests.local", contactPhone = "0236 3822 123", workforce = 100,
        });
        var id = (await registered.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var approver = await host.AsAsync("approver");
        using (var pending = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 60, reason = "Trước khi duyệt" }))
        {
            var problem = await pending.ExpectProblem(HttpStatusCode.Conflict, "enterprise_not_active");
            Assert.Equal("Doanh nghiệp chưa được kích hoạt.", problem.GetProperty("detail").GetString());
        }
        using (var reject = await approver.PostJson($"/api/v1/enterprises/{id}/reject", new { reason = "Sai thông tin" }))
        {
            await reject.Expect(HttpStatusCode.OK);
        }
        var officer = await host.AsAsync("ward-officer");
        using (var rejected = await officer.PutJson($"/api/v1/enterprises/{id}/quota", new { workforce = 500, reason = "Sau khi từ chối" }))
        {
            await rejected.ExpectProblem(HttpStatusCode.Conflict, "enterprise_not_active");
        }
        using var unchanged = await approver.Get($"/api/v1/enterprises/{id}");
        var enterprise = await unchanged.Expect(HttpStatusCode.OK);
        Assert.Equal(30, enterprise.GetProperty("quota").GetInt32());
        Assert.Equal(100, enterprise.GetProperty("workforce").GetInt32());
        Assert.False(enterprise.GetProperty("quotaIsExplicit").GetBoolean());
    }

    [Fact]
    public async Task A_refusal_from_the_enterprises_grain_keeps_its_code_and_the_callers_language_and_its_changes_name_the_caller()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        var approver = await host.AsAsync("approver");
        approver.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using (var over = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 101, reason = "Quá" }))
        {
            var problem = await over.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("The quota cannot exceed the workforce.", problem.GetProperty("errors").GetProperty("quota")[0].GetString());
        }
        using (var changed = await approver.PutJson($"/api/v1/enterprises/{id}/quota", new { quota = 40, reason = "Tăng ca" }))
        {
            Assert.Equal(40, (await changed.Expect(HttpStatusCode.OK)).GetProperty("quota").GetInt32());
        }
        using var audit = await approver.Get($"/api/v1/audit?entityType=enterprise&entityId={id}");
        var line = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("action").GetString() == "enterprise.quota_changed");
        Assert.Equal(PermitsHost.UserEmail("approver", PermitsHost.CityCode), line.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Fifty_concurrent_takes_against_ten_remaining_succeed_exactly_ten_times()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        await TakeAsync(host.Services, id, 20); // 10 remain
        var results = await RaceAsync(50, _ => TakeAsync(host.Services, id, 1));
        Assert.Equal(10, results.Count(taken => taken));
        Assert.Equal(30, await ActivePermitsAsync(id));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_together_take_exactly_the_remaining_places()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100);
        await TakeAsync(host.Services, id, 20);
        await using var second = host.Factory.WithWebHostBuilder(_ => { });
        _ = second.Server;
        var results = await RaceAsync(50, i => TakeAsync(i % 2 == 0 ? host.Services : second.Services, id, 1));
        Assert.Equal(10, results.Count(taken => taken));
        Assert.Equal(30, await ActivePermitsAsync(id));
    }

    [Fact]
    public async Task Places_held_come_back_when_the_hold_is_released_and_count_once_however_often_asked()
    {
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 10); // quota 3
        var enterprise = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEnterpriseGrain>(id);
        var first = Guid.NewGuid();
        Assert.True((await enterprise.HoldAsync(first, 3)).Held);
        Assert.True((await enterprise.HoldAsync(first, 3)).Held); // the same hold asked again: still one
        var refused = await enterprise.HoldAsync(Guid.NewGuid(), 1);
        Assert.False(refused.Held);
        Assert.Equal(0, refused.Remaining);
        await enterprise.ReleaseHoldAsync(first);
        await enterprise.ReleaseHoldAsync(first);
        await enterprise.SettleAsync(first); // released stays released
        Assert.Equal(0, await ActivePermitsAsync(id));

        var second = Guid.NewGuid();
        Assert.True((await enterprise.HoldAsync(second, 2)).Held);
        await enterprise.SettleAsync(second);
        await enterprise.ReleaseHoldAsync(second); // settled stays settled
        Assert.Equal(2, await ActivePermitsAsync(id));
        var returned = Guid.NewGuid();
        await enterprise.ReturnPlacesAsync(returned, 1);
        await enterprise.ReturnPlacesAsync(returned, 1); // the same return asked again: counted once
        Assert.Equal(1, await ActivePermitsAsync(id));
        await enterprise.ReturnPlacesAsync(Guid.NewGuid(), 5);
        Assert.Equal(0, await ActivePermitsAsync(id));
    }

    [Fact]
    public async Task Holds_left_behind_are_settled_when_their_permits_were_written_and_released_when_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 100); // quota 30
        var enterprise = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEnterpriseGrain>(id);
        var abandoned = Guid.NewGuid();
        var written = Guid.NewGuid();
        Assert.True((await enterprise.HoldAsync(abandoned, 5)).Held);
        Assert.True((await enterprise.HoldAsync(written, 3)).Held);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // What the issuing transaction of `written` commits with its permits; its process then died before settling.
            scope.ServiceProvider.GetRequiredService<Permits.Places.HoldOutcomes>().Issued(written);
            await scope.ServiceProvider.GetRequiredService<Permits.Persistence.PermitsDbContext>().SaveChangesAsync(ct);
        }
        Assert.Equal(8, await ActivePermitsAsync(id));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await Enterprises.Quota.HoldSweep.ResolveAsync(scope.ServiceProvider, host.Clock.GetUtcNow(), NullLogger.Instance, ct);
        }
        Assert.Equal(3, await ActivePermitsAsync(id));

        // The abandoned hold's outcome is decided for good: its issuing transaction, should it come late, is refused.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IHoldOutcomes>().DecideAsync(abandoned, ct));
            Assert.True(await scope.ServiceProvider.GetRequiredService<IHoldOutcomes>().DecideAsync(written, ct));
            scope.ServiceProvider.GetRequiredService<Permits.Places.HoldOutcomes>().Issued(abandoned);
            await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(
                () => scope.ServiceProvider.GetRequiredService<Permits.Persistence.PermitsDbContext>().SaveChangesAsync(ct));
        }
        await enterprise.SettleAsync(abandoned);
        Assert.Equal(3, await ActivePermitsAsync(id));
    }

    [Fact]
    public async Task A_pending_enterprise_cannot_take_places()
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = "Công ty Chờ", taxCode = TestData.TaxCode(), wardCode = PermitsHost.WardCode, address = "1 Bạch Đằng",
            contactEmail = Http.Unique("p") + "@tests.local", contactPhone = "0236 3822 123", workforce = 100,
        });
        var id = (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.False(await TakeAsync(host.Services, id, 1));
    }

    /// <summary>Starts all calls together, on the thread pool, and waits for every answer.</summary>
    private static async Task<bool[]> RaceAsync(int count, Func<int, Task<bool>> call)
    {
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await call(i);
        }, TestContext.Current.CancellationToken)).ToList();
        start.Set();
        return await Task.WhenAll(attempts);
    }

    /// <summary>Places taken as an issue takes them: held through the enterprise's grain of this Host, then settled.</summary>
    private static async Task<bool> TakeAsync(IServiceProvider services, Guid id, int places)
    {
        var enterprise = services.GetRequiredService<IGrainFactory>().GetGrain<IEnterpriseGrain>(id);
        var hold = Guid.NewGuid();
        var held = (await enterprise.HoldAsync(hold, places)).Held;
        if (held)
        {
            await enterprise.SettleAsync(hold);
        }
        return held;
    }

    private async Task<int> ActivePermitsAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var enterprise = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().FindAsync(id, TestContext.Current.CancellationToken);
        return enterprise!.ActivePermits;
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class QuotaTestsOnSqlite(SqliteHost host) : QuotaTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class QuotaTestsOnPostgres(PostgresHost host) : QuotaTests(host);
