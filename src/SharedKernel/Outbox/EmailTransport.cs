using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace TravelPermits.SharedKernel.Outbox;

internal interface IEmailTransport
{
    /// <summary>Sends the email; throws <see cref="EmailRefusedException"/> when it can never be delivered as it is.</summary>
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// The receiving side refused this email: for good when <see cref="Final"/> (its address, its
/// content: retrying would not help), otherwise for now.
/// </summary>
internal sealed class EmailRefusedException(string message, Exception inner, bool final) : Exception(message, inner)
{
    public bool Final { get; } = final;
}

/// <summary>
/// Sends through MailKit: by SMTP when <c>Permits:Email:Smtp:Host</c> is set, otherwise as
/// <c>{id}.eml</c> in the pickup directory. Every attempt builds the same message (the row's
/// Message-ID, its creation as the date), so a resend after a crash between sending and recording
/// it replaces the file, or reaches the server as the same message, never as a new one.
/// </summary>
internal sealed class EmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    /// <summary>Each SMTP step's limit; several are far less than the outbox's lease (<see cref="EmailDispatcher"/>).</summary>
    private const int SmtpTimeoutMilliseconds = 30_000;

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = Compose(email, settings.Smtp.From);
        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            await SendBySmtpAsync(message, settings.Smtp.Host, settings.Smtp, cancellationToken);
        }
        else
        {
            await WriteToPickupAsync(message, email, settings.PickupDirectory, cancellationToken);
        }
    }

    private static MimeMessage Compose(OutboxEmail email, string from)
    {
        MailboxAddress to;
        try
        {
            to = MailboxAddress.Parse(email.To);
        }
        catch (ParseException e)
        {
            throw new EmailRefusedException($"'{email.To}' is not an email address.", e, final: true);
        }
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Date = email.CreatedAt,
            Subject = email.Subject,
            Body = new TextPart(TextFormat.Plain) { Text = email.Body },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(to);
        return message;
    }

    private static async Task SendBySmtpAsync(MimeMessage message, string host, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = SmtpTimeoutMilliseconds };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // A 5xx for this recipient or this message is final; one for the sender or the session
            // (a setting of ours, a server's passing trouble) is retried like a 4xx.
            var final = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
            throw new EmailRefusedException($"The SMTP server answered {(int)e.StatusCode} ({e.ErrorCode}): {e.Message}", e, final);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException or SmtpCommandException)
        {
            // Sent already: a failed goodbye must not make the message look unsent, and be sent again.
        }
    }

    private static async Task WriteToPickupAsync(MimeMessage message, OutboxEmail email, string directory, CancellationToken cancellationToken)
    {
        var pickup = Path.GetFullPath(directory);
        var staging = Path.Combine(pickup, ".staging");
        Directory.CreateDirectory(staging);
        // Written aside, then moved over any earlier copy: a reader never sees half a file, and a
        // resend replaces the first copy instead of adding a second one.
        var written = Path.Combine(staging, $"{email.Id:N}.{Guid.NewGuid():N}.eml");
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos; // .eml files, like SMTP, end their lines with CRLF
        await using (var file = File.Create(written))
        {
            await message.WriteToAsync(format, file, cancellationToken);
        }
        File.Move(written, Path.Combine(pickup, $"{email.Id:N}.eml"), overwrite: true);
    }
}
