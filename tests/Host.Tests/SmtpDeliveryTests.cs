using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// The outbox sent by SMTP through MailKit, to a server the test starts. Each attempt is one call of
/// the dispatcher, on a clock of the test's far ahead of the Host's (whose own jobs never find these
/// messages due), so what the server sees follows the attempts one by one.
/// </summary>
public abstract class SmtpDeliveryTests(PermitsHost host) : IAsyncLifetime
{
    private readonly SmtpServer _server = new();
    private readonly FakeTimeProvider _clock = new(host.Clock.GetUtcNow() + TimeSpan.FromDays(9000));

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_is_delivered_once_with_its_stored_message_id_in_vietnamese()
    {
        var email = await QueueAsync("Giấy đi đường đã được gia hạn", "Công ty Thép Đà Nẵng: 12 giấy đi đường được gia hạn đến 30/9.");
        var dispatcher = Dispatcher();

        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct));
        Assert.False(await dispatcher.SendIfDueAsync(email.Id, Ct)); // sent: nothing more to send

        var mail = Assert.Single(Received(email));
        Assert.Equal(email.To, mail.To);
        Assert.Equal("Giấy đi đường đã được gia hạn", mail.Subject);
        Assert.Equal("Công ty Thép Đà Nẵng: 12 giấy đi đường được gia hạn đến 30/9.", mail.Body);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(email.Id)).Status);
        Assert.Equal(1, (await RowAsync(email.Id)).Attempts);
    }

    [Fact]
    public async Task A_server_that_refuses_at_first_gets_the_message_later_once_with_the_same_message_id()
    {
        var email = await QueueAsync("Thu hồi giấy đi đường", "Giấy của Nguyễn Văn An đã bị thu hồi.");
        _server.Script(SmtpAnswer.CloseAtGreeting, SmtpAnswer.TryLaterAtMailFrom);
        var dispatcher = Dispatcher();

        // First attempt: the server hangs up before greeting.
        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct));
        var first = await RowAsync(email.Id);
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.NotNull(first.LastError);
        Assert.Empty(Received(email));
        // Not due again before its backoff.
        Assert.False(await dispatcher.SendIfDueAsync(email.Id, Ct));

        // Second: 451 to MAIL FROM.
        _clock.SetUtcNow(first.NextAttemptAt);
        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct));
        var second = await RowAsync(email.Id);
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Contains("451", second.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), second.NextAttemptAt - _clock.GetUtcNow()); // the backoff doubled
        Assert.Contains(await _server.TranscriptsAsync(2), t => t.Contains("S: 451", StringComparison.Ordinal));
        Assert.Empty(Received(email));

        // Third: delivered, once.
        _clock.SetUtcNow(second.NextAttemptAt);
        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct));
        var mail = Assert.Single(Received(email));
        Assert.Equal($"<{email.MessageId}>", mail.MessageId);
        Assert.Equal((OutboxStatus.Sent, 3), ((await RowAsync(email.Id)).Status, (await RowAsync(email.Id)).Attempts));
    }

    [Fact]
    public async Task A_resend_after_the_servers_reply_was_lost_carries_the_same_message_id_and_date()
    {
        var email = await QueueAsync("Yêu cầu đã được duyệt", "Danh sách đã được phê duyệt.");
        _server.Script(SmtpAnswer.TakeWithoutReply);
        var dispatcher = Dispatcher();

        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct)); // the server took it, the sender never heard so
        Assert.Equal(OutboxStatus.Pending, (await RowAsync(email.Id)).Status);
        _clock.SetUtcNow((await RowAsync(email.Id)).NextAttemptAt);
        Assert.True(await dispatcher.SendIfDueAsync(email.Id, Ct));

        // Two copies arrived, one message: the receiving side can tell, by its Message-ID.
        var copies = _server.Messages.Where(m => m.Contains(email.MessageId, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies.Select(Eml.Parse), m => Assert.Equal($"<{email.MessageId}>", m.MessageId));
        Assert.Equal(DateHeader(copies[0]), DateHeader(copies[1]));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(email.Id)).Status);
    }

    [Fact]
    public async Task A_recipient_refused_for_good_is_recorded_failed_at_once_and_kept()
    {
        var email = await QueueAsync("Đăng ký bị từ chối", "Hồ sơ thiếu giấy phép kinh doanh.");
        _server.Script(SmtpAnswer.RefuseRecipient);

        Assert.True(await Dispatcher().SendIfDueAsync(email.Id, Ct));

        var row = await RowAsync(email.Id);
        Assert.Equal((OutboxStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
        Assert.Empty(Received(email));
    }

    [Fact]
    public async Task Two_dispatchers_racing_deliver_each_message_to_the_server_exactly_once()
    {
        var emails = new List<OutboxEmail>();
        for (var i = 0; i < 6; i++)
        {
            emails.Add(await QueueAsync($"Thông báo {i}", "Nội dung"));
        }

        await Task.WhenAll(Dispatcher().DispatchAllDueAsync(Ct), Dispatcher().DispatchAllDueAsync(Ct));

        foreach (var email in emails)
        {
            Assert.Single(Received(email));
            Assert.Equal(OutboxStatus.Sent, (await RowAsync(email.Id)).Status);
        }
    }

    private EmailDispatcher Dispatcher()
    {
        var settings = Options.Create(new EmailOptions
        {
            MaxAttempts = 5, FirstRetrySeconds = 1, Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _server.Port },
        });
        return new EmailDispatcher(host.Services.GetRequiredService<IServiceScopeFactory>(), new EmailTransport(settings), _clock, settings,
            NullLogger<EmailDispatcher>.Instance);
    }

    private async Task<OutboxEmail> QueueAsync(string subject, string body)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var email = new OutboxEmail
        {
            To = Http.Unique("smtp") + "@tests.local", Subject = subject, Body = body, CreatedAt = _clock.GetUtcNow(), NextAttemptAt = _clock.GetUtcNow(),
        };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync(Ct);
        return email;
    }

    private async Task<OutboxEmail> RowAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEmails.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    /// <summary>The messages the server has for this email's recipient (the test's dispatchers may also send what other tests left due).</summary>
    private List<Eml> Received(OutboxEmail email) => _server.Messages.Select(Eml.Parse).Where(m => m.To == email.To).ToList();

    private static string DateHeader(string message) =>
        message.Split("\r\n").Single(line => line.StartsWith("Date:", StringComparison.OrdinalIgnoreCase));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

[Collection(nameof(SqliteCollection))]
public sealed class SmtpDeliveryTestsOnSqlite(SqliteHost host) : SmtpDeliveryTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class SmtpDeliveryTestsOnPostgres(PostgresHost host) : SmtpDeliveryTests(host);
