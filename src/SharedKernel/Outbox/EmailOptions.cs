namespace TravelPermits.SharedKernel.Outbox;

/// <summary><c>Permits:Email</c>: SMTP when a host is set, otherwise .eml files in a pickup directory.</summary>
public sealed class EmailOptions
{
    public string PickupDirectory { get; set; } = "data/outbox-mail";
    public SmtpOptions Smtp { get; set; } = new();
    public double PollSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;
    public double FirstRetrySeconds { get; set; } = 30;
    public bool DispatcherEnabled { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@travel-permits.local";
    public bool EnableSsl { get; set; }
}
