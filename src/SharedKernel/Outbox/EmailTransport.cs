using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace TravelPermits.SharedKernel.Outbox;

internal interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// Sends by SMTP, or writes <c>{id}.eml</c> into the pickup directory. Both are keyed by the
/// outbox id (file name, Message-ID header), so a message sent again after a crash between
/// sending and recording it replaces the first copy instead of adding a second one.
/// </summary>
internal sealed class EmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.Smtp.From, email.To, email.Subject, email.Body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", $"<{email.Id:N}@travel-permits>");

        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            using var smtp = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port) { EnableSsl = settings.Smtp.EnableSsl };
            if (!string.IsNullOrEmpty(settings.Smtp.User))
            {
                smtp.Credentials = new NetworkCredential(settings.Smtp.User, settings.Smtp.Password);
            }
            await smtp.SendMailAsync(message, cancellationToken);
            return;
        }

        var pickup = Path.GetFullPath(settings.PickupDirectory);
        var staging = Path.Combine(pickup, ".staging", email.Id.ToString("N"));
        Directory.CreateDirectory(staging);
        using (var writer = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
        {
            await writer.SendMailAsync(message, cancellationToken);
        }
        var written = Directory.GetFiles(staging, "*.eml").Single();
        File.Move(written, Path.Combine(pickup, $"{email.Id:N}.eml"), overwrite: true);
        Directory.Delete(staging, recursive: true);
    }
}
