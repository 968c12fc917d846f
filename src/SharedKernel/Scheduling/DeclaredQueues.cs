using Microsoft.Extensions.Options;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary><c>Permits:Scheduler:Queues</c> names only queues that the Host's modules declare.</summary>
internal sealed class DeclaredQueues(IEnumerable<JobQueue> declared) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var known = declared.Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = (options.QueueNames ?? []).Where(q => !known.Contains(q)).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SchedulerOptions.Section}:Queues names {string.Join(", ", unknown.Select(q => $"'{q}'"))}, not a queue of this Host ({string.Join(", ", known.Order())}).");
    }
}
