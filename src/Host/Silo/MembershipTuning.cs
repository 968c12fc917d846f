using Orleans.Configuration;

namespace TravelPermits.Host.Silo;

/// <summary>
/// How fast the cluster declares a dead silo dead: in seconds rather than Orleans' minutes, since
/// until then every call to a grain of that silo fails (503 <c>cluster_unavailable</c>). The Hosts
/// of a city run side by side on one network, where a probe answers in milliseconds.
/// </summary>
internal static class MembershipTuning
{
    public static void Apply(ClusterMembershipOptions membership)
    {
        // A probe unanswered for 2 s (Orleans: 5 s) is missed; Orleans adapts the timeout between
        // half and four times this to the answers it sees, and stretches it while the local silo
        // is itself degraded (a long GC pause), so a busy Host is not taken for a dead one.
        membership.ProbeTimeout = TimeSpan.FromSeconds(2);
        // Three missed probes in a row make a suspicion (Orleans' own value): about 6 s after a
        // kill, sooner when the connection is refused outright.
        membership.NumMissedProbesLimit = 3;
        // Two votes declare a silo dead in a larger cluster (Orleans' own value). Orleans asks for
        // no more than half the active silos, rounded up: on two Hosts the survivor's single vote
        // is enough, which is what lets one Host carry on alone.
        membership.NumVotesForDeathDeclaration = 2;
        // A vote counts for 20 s (Orleans: 2 min): long enough for the voters of one failure to
        // agree, short enough that an old, mistaken suspicion does not add to a new one.
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
        // Each silo writes "I am alive" every 5 s (Orleans: 30 s), one row update; three missed
        // (15 s) make its entry stale, and a stale silo is not counted among the voters needed.
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        membership.NumMissedTableIAmAliveLimit = 3;
        // Gossip spreads a change at once; the table is read again every 10 s (Orleans: 60 s) in
        // case a gossip message was lost.
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
