using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// <c>Permits:Scheduler</c>: whether this Host runs a Hangfire server, under which name, on which
/// queues and with how many workers. A Host without a server still enqueues and schedules jobs
/// (into the shared storage on PostgreSQL, where another Host's server runs them).
/// </summary>
public sealed partial class SchedulerOptions : IValidatableObject
{
    public const string Section = "Permits:Scheduler";

    /// <summary>Off: this Host runs no Hangfire server and leaves its jobs to the others of its database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first part of this Host's server name in Hangfire (the machine and process follow).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,50}$", ErrorMessage = "{0} must be 1 to 50 letters, digits, '.', '_' or '-'.")]
    public string Name { get; set; } = SchedulerSetup.SchedulerName;

    /// <summary>
    /// The queues this Host's server takes, separated by commas (<c>periods,emails</c>); none: every
    /// queue of the Host's modules. A Host may leave, say, period ends to the others.
    /// </summary>
    public string? Queues { get; set; }

    /// <summary>Jobs this Host runs at once.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>The queues named in <see cref="Queues"/>, or null for all of them.</summary>
    public IReadOnlyList<string>? QueueNames => string.IsNullOrWhiteSpace(Queues)
        ? null
        : Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var queue in QueueNames ?? [])
        {
            if (!QueueName().IsMatch(queue))
            {
                yield return new ValidationResult(
                    $"{Section}:Queues names queues separated by commas, each of lower-case letters, digits, '_' or '-'; '{queue}' is not one.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex QueueName();
}
