using System.ComponentModel.DataAnnotations;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary><c>Permits:Scheduler</c>: whether this instance runs the scheduled jobs, and the cluster's name.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Permits:Scheduler";

    /// <summary>Off leaves the jobs to another instance of the cluster (PostgreSQL).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A cluster is the schedulers sharing a name in one database. Quartz keeps schedulers by name in
    /// the process too: Hosts sharing a process need their own.
    /// </summary>
    [Required]
    public string Name { get; set; } = SchedulerSetup.SchedulerName;
}
