using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TravelPermits.SharedKernel.Scheduling;

namespace TravelPermits.SharedKernel.Outbox;

/// <summary><c>Permits:Email</c>: SMTP when a host is set, otherwise .eml files in a pickup directory.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Permits:Email";

    [Required]
    public string PickupDirectory { get; set; } = "data/outbox-mail";

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox sweep runs (a recurring job): it sends what is due, retries included.</summary>
    [Range(1, 3600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>At most 20: the backoff doubles at each attempt (20 at 30 s first: half a year).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;

    [Range(0.01, 86400)]
    public double FirstRetrySeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CronInterval.For(PollSeconds) is null)
        {
            yield return new ValidationResult($"{Section}:PollSeconds must be {CronInterval.Allowed}.");
        }
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public string? User { get; set; }
    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "no-reply@travel-permits.local";

    public bool EnableSsl { get; set; }
}
