using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Permits.Periods;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Validity periods ending, on the Host's own scheduler with a moved clock. These tests have a
/// Host of their own (their collections below): they move its clock by weeks.
/// </summary>
public abstract class PeriodTests(PermitsHost host)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>
    /// 08:00 in Vietnam two days from now: the Host's clock starts at the real time, and moving it
    /// fires every timer due meanwhile, a periodic one once per period (Orleans' and the Host's own):
    /// a jump of years took minutes.
    /// </summary>
    private static readonly DateTimeOffset FirstStretch = new(DateTimeOffset.UtcNow.ToOffset(Vietnam).Date.AddDays(2).AddHours(8), Vietnam);

    private static int _stretches;

    /// <summary>
    /// Each test lives in its own stretch of time, so their periods never overlap whatever the order.
    /// Each stretch comes after those handed out before it, as the clock only moves forward: a test
    /// moves it at most days into its own stretch, and the next one starts 60 days later.
    /// </summary>
    private static DateTimeOffset NextStretch() => FirstStretch.AddDays(60 * (Interlocked.Increment(ref _stretches) - 1));

    private async Task<JsonElement> PeriodAsync(string label, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        using var created = await (await host.AsAsync("approver")).PostJson("/api/v1/periods", new { label, startsAt, endsAt });
        return await created.Expect(HttpStatusCode.Created);
    }

    private async Task<JsonElement> PeriodByIdAsync(string id)
    {
        using var list = await (await host.AsAsync("admin")).Get("/api/v1/periods");
        return (await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_period_belongs_to_its_approvers_city_and_is_out_of_other_cities_reach()
    {
        var hanoiEmail = Http.Unique("approver.hanoi") + "@tests.local";
        await host.CreateUserAsync(hanoiEmail, "approver", city: "01");
        var hanoi = await host.ClientAsync(hanoiEmail);
        var daNang = await host.AsAsync("approver");
        var start = NextStretch();
        var end = start.AddDays(14);
        var refused = NextStretch(); // for the periods refused below

        using var createdInHanoi = await hanoi.PostJson("/api/v1/periods", new { label = "Hà Nội đợt 1", startsAt = start, endsAt = end });
        var hanoiPeriod = await createdInHanoi.Expect(HttpStatusCode.Created);
        Assert.Equal("01", hanoiPeriod.GetProperty("cityCode").GetString());
        var hanoiId = hanoiPeriod.GetProperty("id").GetString();

        // Da Nang neither sees it nor is held by it: the same weeks are free for Da Nang.
        using (var listed = await daNang.Get("/api/v1/periods"))
        {
            Assert.DoesNotContain((await listed.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == hanoiId);
        }
        using var createdInDaNang = await daNang.PostJson("/api/v1/periods", new { label = "Đà Nẵng đợt 1", startsAt = start, endsAt = end });
        var daNangPeriod = await createdInDaNang.Expect(HttpStatusCode.Created);
        Assert.Equal(PermitsHost.CityCode, daNangPeriod.GetProperty("cityCode").GetString());
        using (var later = await hanoi.PostJson("/api/v1/periods", new { label = "Hà Nội đợt 2", startsAt = end, endsAt = end.AddDays(14) }))
        {
            await later.Expect(HttpStatusCode.Created);
        }
        var hanoiLaterId = (await PeriodsOf(hanoi)).Single(p => p.GetProperty("label").GetString() == "Hà Nội đợt 2").GetProperty("id").GetString();

        using (var rollover = await daNang.PostJson($"/api/v1/periods/{hanoiId}/rollover", new { toPeriodId = hanoiLaterId }))
        {
            await rollover.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var intoOtherCity = await (await host.AsAsync("admin")).PostJson(
            $"/api/v1/periods/{daNangPeriod.GetProperty("id").GetString()}/rollover", new { toPeriodId = hanoiLaterId }))
        {
            await intoOtherCity.ExpectProblem(HttpStatusCode.Conflict, "invalid_period");
        }
        using (var forDaNang = await hanoi.PostJson("/api/v1/periods", new { label = "Hộ Đà Nẵng", startsAt = refused, endsAt = refused.AddDays(7), cityCode = PermitsHost.CityCode }))
        {
            await forDaNang.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var unknownCity = await (await host.AsAsync("admin")).PostJson("/api/v1/periods", new { label = "Không có", startsAt = refused, endsAt = refused.AddDays(7), cityCode = "00" }))
        {
            await unknownCity.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        Assert.Equal(2, (await PeriodsOf(hanoi)).Count);
    }

    private static async Task<List<JsonElement>> PeriodsOf(HttpClient client)
    {
        using var list = await client.Get("/api/v1/periods");
        return (await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Where(p => p.GetProperty("cityCode").GetString() == "01").ToList();
    }

    /// <summary>Runs what the period-ends job runs when its triggers fire (the same service, in a scope of its own).</summary>
    private async Task RunScheduleAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PeriodEnds>().RunDueAsync(TestContext.Current.CancellationToken);
    }

    private async Task RunScheduleUntilClosedAsync(string periodId)
    {
        await RunScheduleAsync();
        Assert.NotEqual(JsonValueKind.Null, (await PeriodByIdAsync(periodId)).GetProperty("closedAt").ValueKind);
    }

    private async Task<(Guid Enterprise, HttpClient Clerk, string ContactEmail, List<JsonElement> Permits)> IssuedAsync(int people)
    {
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, people);
        var permits = (await PermitTests.IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        return (enterprise, clerk, (await read.Expect(HttpStatusCode.OK)).GetProperty("contactEmail").GetString()!, permits);
    }

    private async Task<JsonElement> VerifyAsync(JsonElement permit)
    {
        using var response = await host.Anonymous().Get($"/api/v1/verify/{permit.GetProperty("token").GetString()}");
        return await response.Expect(HttpStatusCode.OK);
    }

    private async Task<List<JsonElement>> AuditAsync(string periodId, string action)
    {
        using var response = await (await host.AsAsync("admin")).Get($"/api/v1/audit?entityType=period&entityId={periodId}&limit=100");
        return (await response.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == action).ToList();
    }

    private static bool IsExtension(Eml mail) => mail.Subject.StartsWith("Gia hạn", StringComparison.Ordinal);

    [Fact]
    public async Task Crossing_a_period_end_carries_live_permits_into_the_successor_with_their_tokens_and_tells_each_enterprise_once()
    {
        var start = NextStretch();
        host.Clock.SetUtcNow(start);
        host.ForgetSignIns();
        var first = await PeriodAsync("1/3 - 3/3", start.AddDays(-1), start.AddDays(2));
        var second = await PeriodAsync("3/3 - 10/3", start.AddDays(2), start.AddDays(9));
        var a = await IssuedAsync(3);
        var b = await IssuedAsync(2);
        foreach (var permit in a.Permits.Concat(b.Permits))
        {
            var verified = await VerifyAsync(permit);
            Assert.Equal("valid", verified.GetProperty("result").GetString());
            Assert.Equal(first.GetProperty("endsAt").GetDateTimeOffset(), verified.GetProperty("validTo").GetDateTimeOffset());
        }
        var gone = a.Permits[0].GetProperty("id").GetString();
        using (var revoke = await a.Clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { gone }, reason = "Nghỉ việc" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }

        host.Clock.SetUtcNow(start.AddDays(2).AddMinutes(1)); // past the end of the first period
        host.ForgetSignIns();
        var firstId = first.GetProperty("id").GetString()!;
        await RunScheduleUntilClosedAsync(firstId);

        var until = second.GetProperty("endsAt").GetDateTimeOffset();
        var clerk = await host.ClientAsync(PermitsHost.EnterpriseEmail(a.Enterprise));
        foreach (var permit in a.Permits.Skip(1).Concat(b.Permits))
        {
            var verified = await VerifyAsync(permit);
            Assert.Equal("valid", verified.GetProperty("result").GetString());
            Assert.Equal(until, verified.GetProperty("validTo").GetDateTimeOffset());
        }
        foreach (var permit in a.Permits)
        {
            using var read = await clerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}");
            Assert.Equal(permit.GetProperty("token").GetString(), (await read.Expect(HttpStatusCode.OK)).GetProperty("token").GetString());
        }
        Assert.Equal("revoked", (await VerifyAsync(a.Permits[0])).GetProperty("result").GetString());
        using (var state = await clerk.Get($"/api/v1/enterprises/{a.Enterprise}"))
        {
            Assert.Equal(2, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }

        var toA = await host.WaitForMailAsync(a.ContactEmail, IsExtension);
        Assert.Contains("2 giấy đi đường", toA.Body, StringComparison.Ordinal);
        Assert.Contains("\"3/3 - 10/3\"", toA.Body, StringComparison.Ordinal);
        Assert.Contains("không cần in lại", toA.Body, StringComparison.Ordinal);
        await host.WaitForMailAsync(b.ContactEmail, IsExtension);

        // The schedule firing again (the end trigger, the sweep) finds nothing left to do.
        await RunScheduleAsync();
        await Task.Delay(1000, TestContext.Current.CancellationToken); // the dispatcher's time to send a second email, if there were one
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == a.ContactEmail && IsExtension(m));
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == b.ContactEmail && IsExtension(m));
        var audit = Assert.Single(await AuditAsync(firstId, "period.rolled_over"));
        Assert.Equal("scheduler", audit.GetProperty("actor").GetString());
        Assert.Equal(4, audit.GetProperty("details").GetProperty("carried").GetInt32());
    }

    [Fact]
    public async Task A_period_ending_without_a_successor_expires_its_permits_and_gives_their_places_back()
    {
        var start = NextStretch();
        host.Clock.SetUtcNow(start);
        host.ForgetSignIns();
        var period = await PeriodAsync("lẻ", start.AddDays(-1), start.AddDays(1));
        var issued = await IssuedAsync(2);
        using (var before = await issued.Clerk.Get($"/api/v1/enterprises/{issued.Enterprise}"))
        {
            Assert.Equal(2, (await before.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }

        host.Clock.SetUtcNow(start.AddDays(1).AddSeconds(30));
        host.ForgetSignIns();
        await RunScheduleUntilClosedAsync(period.GetProperty("id").GetString()!);

        var clerk = await host.ClientAsync(PermitsHost.EnterpriseEmail(issued.Enterprise));
        foreach (var permit in issued.Permits)
        {
            Assert.Equal("expired", (await VerifyAsync(permit)).GetProperty("result").GetString());
            using var read = await clerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}");
            Assert.Equal("expired", (await read.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        using var after = await clerk.Get($"/api/v1/enterprises/{issued.Enterprise}");
        var state = await after.Expect(HttpStatusCode.OK);
        Assert.Equal(0, state.GetProperty("activePermits").GetInt32());
        Assert.Equal(state.GetProperty("quota").GetInt32(), state.GetProperty("remaining").GetInt32());
        Assert.Equal(2, Assert.Single(await AuditAsync(period.GetProperty("id").GetString()!, "period.expired"))
            .GetProperty("details").GetProperty("expired").GetInt32());
    }

    [Fact]
    public async Task A_permit_s_grain_moves_it_at_a_period_s_end_once_and_only_as_the_period_allows()
    {
        var start = NextStretch();
        host.Clock.SetUtcNow(start);
        host.ForgetSignIns();
        var first = await PeriodAsync("hạt 1", start.AddDays(-1), start.AddDays(2));
        var second = await PeriodAsync("hạt 2", start.AddDays(2), start.AddDays(9));
        var (firstId, secondId) = (first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        var issued = await IssuedAsync(2);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var permit = grains.GetGrain<Permits.Contracts.IPermitGrain>(issued.Permits[0].GetProperty("id").GetGuid());
        var endsAt = first.GetProperty("endsAt").GetDateTimeOffset();

        // Not carried without a rollover begun, not expired before its period or its validity ends.
        await Assert.ThrowsAsync<InvalidOperationException>(() => permit.CarryAsync(firstId, secondId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => permit.ExpireAsync(firstId, endsAt));
        await Assert.ThrowsAsync<InvalidOperationException>(() => permit.ExpireAsync(null, start.AddMinutes(1)));
        Assert.Equal(endsAt, (await VerifyAsync(issued.Permits[0])).GetProperty("validTo").GetDateTimeOffset());

        // Carried by the rollover, through each permit's grain: asked again, it moves nothing and counts nothing.
        using (var rollover = await (await host.AsAsync("approver")).PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = secondId }))
        {
            Assert.Equal(2, (await rollover.Expect(HttpStatusCode.OK)).GetProperty("carried").GetInt32());
        }
        Assert.False(await permit.CarryAsync(firstId, secondId));
        Assert.False(await permit.ExpireAsync(null, start));
        using (var again = await (await host.AsAsync("approver")).PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = secondId }))
        {
            Assert.Equal(2, (await again.Expect(HttpStatusCode.OK)).GetProperty("carried").GetInt32());
        }

        // Once the second period has ended: expired once, its place given back once.
        host.Clock.SetUtcNow(second.GetProperty("endsAt").GetDateTimeOffset().AddMinutes(1));
        host.ForgetSignIns();
        Assert.True(await permit.ExpireAsync(secondId, second.GetProperty("endsAt").GetDateTimeOffset()));
        Assert.False(await permit.ExpireAsync(secondId, second.GetProperty("endsAt").GetDateTimeOffset()));
        var clerk = await host.ClientAsync(PermitsHost.EnterpriseEmail(issued.Enterprise));
        foreach (var (permitOf, status) in new[] { (issued.Permits[0], "expired"), (issued.Permits[1], "issued") })
        {
            using var read = await clerk.Get($"/api/v1/permits/{permitOf.GetProperty("id").GetString()}");
            Assert.Equal(status, (await read.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        using var state = await clerk.Get($"/api/v1/enterprises/{issued.Enterprise}");
        Assert.Equal(1, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
    }

    [Fact]
    public async Task An_approver_carries_a_period_by_hand_before_its_end_and_later_permits_go_to_the_successor()
    {
        var start = NextStretch();
        host.Clock.SetUtcNow(start);
        host.ForgetSignIns();
        var first = await PeriodAsync("trước", start.AddDays(-1), start.AddDays(3));
        var later = await PeriodAsync("sau", start.AddDays(5), start.AddDays(12)); // after a gap of two days
        var issued = await IssuedAsync(2);
        var approver = await host.AsAsync("approver");
        var (firstId, laterId) = (first.GetProperty("id").GetString(), later.GetProperty("id").GetString());

        using (var backwards = await approver.PostJson($"/api/v1/periods/{laterId}/rollover", new { toPeriodId = firstId }))
        {
            await backwards.ExpectProblem(HttpStatusCode.Conflict, "invalid_period");
        }
        using (var unknown = await approver.PostJson($"/api/v1/periods/{Guid.NewGuid()}/rollover", new { toPeriodId = laterId }))
        {
            await unknown.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var missing = await approver.PostJson($"/api/v1/periods/{firstId}/rollover", new { }))
        {
            await missing.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        using (var denied = await issued.Clerk.PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = laterId }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var rollover = await approver.PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = laterId }))
        {
            var result = await rollover.Expect(HttpStatusCode.OK);
            Assert.Equal("completed", result.GetProperty("status").GetString());
            Assert.Equal(2, result.GetProperty("carried").GetInt32());
            Assert.Equal(1, result.GetProperty("enterprises").GetInt32());
        }
        using (var again = await approver.PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = laterId }))
        {
            Assert.Equal(2, (await again.Expect(HttpStatusCode.OK)).GetProperty("carried").GetInt32());
        }
        var elsewhere = await PeriodAsync("khác", start.AddDays(20), start.AddDays(25));
        using (var conflict = await approver.PostJson($"/api/v1/periods/{firstId}/rollover", new { toPeriodId = elsewhere.GetProperty("id").GetString() }))
        {
            await conflict.ExpectProblem(HttpStatusCode.Conflict, "rollover_conflict");
        }

        // Carried across a gap: valid again from the successor's start, not in between.
        var carried = await VerifyAsync(issued.Permits[0]);
        Assert.Equal("not_yet_valid", carried.GetProperty("result").GetString());
        Assert.Equal(later.GetProperty("startsAt").GetDateTimeOffset(), carried.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(later.GetProperty("endsAt").GetDateTimeOffset(), carried.GetProperty("validTo").GetDateTimeOffset());

        // Issued after the rollover began: straight into the successor, nothing left behind in the first period.
        var late = await IssuedAsync(1);
        Assert.Equal(later.GetProperty("endsAt").GetDateTimeOffset(), (await VerifyAsync(late.Permits[0])).GetProperty("validTo").GetDateTimeOffset());
        await host.WaitForMailAsync(issued.ContactEmail, IsExtension);
        Assert.Equal(PermitsHost.UserEmail("approver", PermitsHost.CityCode),
            Assert.Single(await AuditAsync(firstId!, "period.rolled_over")).GetProperty("actor").GetString());
    }
}

[CollectionDefinition(nameof(PeriodsSqliteCollection))]
public sealed class PeriodsSqliteCollection : ICollectionFixture<SqliteHost>;

[CollectionDefinition(nameof(PeriodsPostgresCollection))]
public sealed class PeriodsPostgresCollection : ICollectionFixture<PostgresHost>;

[Collection(nameof(PeriodsSqliteCollection))]
public sealed class PeriodTestsOnSqlite(SqliteHost host) : PeriodTests(host);

[Collection(nameof(PeriodsPostgresCollection))]
public sealed class PeriodTestsOnPostgres(PostgresHost host) : PeriodTests(host);
