using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

public abstract class OutboxTests(PermitsHost host)
{
    [Fact]
    public async Task A_queued_email_is_written_once_to_the_pickup_directory_in_vietnamese()
    {
        var to = Http.Unique("mail") + "@tests.local";
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.EnqueueEmail(to, "Giấy đi đường đã được duyệt", "Danh sách của Công ty Thép Đà Nẵng đã được phê duyệt.", host.Clock.GetUtcNow());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = db.OutboxEmails.Local.Single(m => m.To == to).Id;
        }

        var file = Path.Combine(host.MailDirectory, $"{id:N}.eml");
        await Eventually(() => File.Exists(file));
        var mail = Eml.Read(file);
        Assert.Equal(to, mail.To);
        Assert.Equal("Giấy đi đường đã được duyệt", mail.Subject);
        Assert.Equal("Danh sách của Công ty Thép Đà Nẵng đã được phê duyệt.", mail.Body);

        await Eventually(async () => (await Status(id)) == OutboxStatus.Sent);
        Assert.Single(Eml.ReadAll(host.MailDirectory), m => m.To == to);
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_each_message_exactly_once()
    {
        var later = host.Clock.GetUtcNow() + TimeSpan.FromDays(3650); // out of the running dispatcher's reach
        var ids = await QueueAsync(10, later);
        var transport = new CountingTransport();
        var clock = new FakeTimeProvider(later + TimeSpan.FromMinutes(1));
        var one = Dispatcher(transport, clock);
        var two = Dispatcher(transport, clock);

        // Round after round: messages of earlier tests still pending and due by then come first, 20 a round.
        await Task.WhenAll(one.DispatchAllDueAsync(TestContext.Current.CancellationToken), two.DispatchAllDueAsync(TestContext.Current.CancellationToken));

        Assert.All(ids, id => Assert.Equal(1, transport.Sends.GetValueOrDefault(id)));
        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Sent, await Status(id));
        }
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_listed_as_failed_for_the_admin()
    {
        var later = host.Clock.GetUtcNow() + TimeSpan.FromDays(7300);
        var id = (await QueueAsync(1, later)).Single();
        // Only this message fails: the far-future clock also makes due whatever earlier tests left
        // pending for the Host's own dispatcher, and those must not count here.
        var transport = new CountingTransport { FailFor = new HashSet<Guid> { id } };
        var clock = new FakeTimeProvider(later);
        var dispatcher = Dispatcher(transport, clock, maxAttempts: 3);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            clock.Advance(TimeSpan.FromHours(1)); // past any backoff
            await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);
            Assert.Equal(attempt, transport.Sends[id]);
        }
        clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, transport.Sends[id]);
        Assert.Equal(OutboxStatus.Failed, await Status(id));

        var admin = await host.AsAsync("admin");
        using var response = await admin.Get("/api/v1/admin/outbox?status=failed&limit=500");
        var failed = (await response.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Equal("smtp refused", failed.GetProperty("lastError").GetString());

        using var bad = await admin.Get("/api/v1/admin/outbox?status=lost");
        await bad.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private EmailDispatcher Dispatcher(CountingTransport transport, TimeProvider clock, int maxAttempts = 8) =>
        new(host.Services.GetRequiredService<IServiceScopeFactory>(), transport, clock,
            Options.Create(new EmailOptions { MaxAttempts = maxAttempts, FirstRetrySeconds = 1 }), NullLogger<EmailDispatcher>.Instance);

    private async Task<List<Guid>> QueueAsync(int count, DateTimeOffset due)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var emails = Enumerable.Range(0, count).Select(i => new OutboxEmail
        {
            To = $"race{i}@tests.local", Subject = "Thử", Body = "Nội dung", CreatedAt = due, NextAttemptAt = due,
        }).ToList();
        db.OutboxEmails.AddRange(emails);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return emails.Select(e => e.Id).ToList();
    }

    private async Task<OutboxStatus> Status(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEmails.AsNoTracking()
            .Where(m => m.Id == id).Select(m => m.Status).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private sealed class CountingTransport : IEmailTransport
    {
        public ConcurrentDictionary<Guid, int> Sends { get; } = new();
        public IReadOnlySet<Guid> FailFor { get; init; } = new HashSet<Guid>();

        public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
        {
            Sends.AddOrUpdate(email.Id, 1, (_, n) => n + 1);
            await Task.Delay(5, cancellationToken);
            if (FailFor.Contains(email.Id))
            {
                throw new InvalidOperationException("smtp refused");
            }
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class OutboxTestsOnSqlite(SqliteHost host) : OutboxTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class OutboxTestsOnPostgres(PostgresHost host) : OutboxTests(host);
