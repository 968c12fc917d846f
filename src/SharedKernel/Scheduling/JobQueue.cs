namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// A queue of Hangfire jobs that a module declares (<see cref="SchedulerSetup.AddJobQueue"/>); a
/// Host's server takes every declared queue unless <c>Permits:Scheduler:Queues</c> names some.
/// </summary>
public sealed record JobQueue(string Name);
