using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Who may write which table of the modules whose aggregates are grains (ADR 0017), read from the
/// compiled code: "<c>table ← entry via Writer.Method</c>" for every way into a method that writes
/// it. A new way to write one of these tables fails here until the list, and the ADR, say why.
/// </summary>
public sealed class TableWritersTests
{
    /// <summary>
    /// An enterprise's row, its holds and applied changes are written only through its grain, a
    /// ward's policy and its decisions on its epidemic level only through the ward's grain (which has
    /// each enterprise follow the level through the enterprise's grain); a registration creates its
    /// enterprise's row outside any grain (there is no aggregate yet). The city's policy has no grain.
    /// </summary>
    private static readonly string[] EnterpriseTables =
    [
        "ent_applied_changes ← EnterpriseGrain via QuotaPlaces.ReturnAsync",
        "ent_applied_changes ← LockdownNotices via QuotaPlaces.RecordOnceAsync",
        "ent_applied_changes ← QuotaChanger via QuotaPlaces.RecordOnceAsync",
        "ent_applied_changes ← QuotaLevelFollower via QuotaPlaces.RecordOnceAsync",
        "ent_city_policies ← SetCityPolicyEndpoint via CityPolicyService.SetAsync",
        "ent_enterprises ← EnterpriseGrain via EnterpriseRegistrar.ActivateAsync",
        "ent_enterprises ← EnterpriseGrain via EnterpriseRegistrar.RejectAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaChanger.ApplyOnceAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaChanger.ChangeAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaLevelFollower.FollowAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaPlaces.HoldAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaPlaces.ReleaseAsync",
        "ent_enterprises ← EnterpriseGrain via QuotaPlaces.ReturnAsync",
        "ent_enterprises ← RegisterEnterpriseEndpoint via EnterpriseRegistrar.RegisterAsync",
        "ent_enterprises ← SelfRegisterEnterpriseEndpoint via EnterpriseRegistrar.RegisterAsync",
        "ent_quota_holds ← EnterpriseGrain via QuotaPlaces.HoldAsync",
        "ent_quota_holds ← EnterpriseGrain via QuotaPlaces.ReleaseAsync",
        "ent_quota_holds ← EnterpriseGrain via QuotaPlaces.SettleAsync",
        "ent_ward_levels ← WardGrain via WardLevelStore.FollowAsync",
        "ent_ward_levels ← WardGrain via WardLevelStore.PublishAsync",
        "ent_ward_levels ← WardGrain via WardLevelStore.WriteAsync",
        "ent_ward_policies ← WardGrain via WardPolicyStore.WriteAsync",
    ];

    /// <summary>
    /// A permit's stamp and the revocation of one permit go through its grain; so do its carrying and
    /// expiry at a period's end, whose writes the permit grains hand to <c>PeriodMoves</c> to commit
    /// together (the last test below holds that to the grain). Issuing, the revocation of a list and
    /// clearing change many permits in one guarded, set-based transaction each.
    /// </summary>
    private static readonly string[] PermitTables =
    [
        "prm_hold_outcomes ← HeldIssue via HoldOutcomes.DecideAsync",
        "prm_hold_outcomes ← HeldIssue via HoldOutcomes.Issued",
        "prm_periods ← CreatePeriodEndpoint via PeriodCreator.CreateAsync",
        "prm_periods ← PeriodEndJob via PeriodEnds.RunPeriodEndsAsync",
        "prm_periods ← PeriodRollovers via PeriodEnds.RolloverAsync",
        "prm_permits ← ClearPermitsEndpoint via PermitRevoker.ClearAsync",
        "prm_permits ← IIndividualPermits via IndividualPermits.IssueAsync",
        "prm_permits ← IndividualPermits via PermitIssuer.NewPermit",
        "prm_permits ← IssuePermitsEndpoint via PermitIssuer.IssueAsync",
        "prm_permits ← PeriodMoves via PeriodMoveWriter.WriteAsync",
        "prm_permits ← PermitGrain via PermitRevoker.RevokeOneAsync",
        "prm_permits ← PermitGrain via PermitStamper.TransitionAsync",
        "prm_permits ← RevokePermitsEndpoint via PermitRevoker.RevokeInReachAsync",
        "prm_place_returns ← ClearPermitsEndpoint via PermitRevoker.ClearAsync",
        "prm_place_returns ← PeriodMoveWriter via PlaceReturns.Add",
        "prm_place_returns ← PeriodMoveWriter via PlaceReturns.DeliverAsync",
        "prm_place_returns ← PeriodMoves via PeriodMoveWriter.WriteAsync",
        "prm_place_returns ← PermitGrain via PermitRevoker.RevokeOneAsync",
        "prm_place_returns ← PermitRevoker via PlaceReturns.Add",
        "prm_place_returns ← PermitRevoker via PlaceReturns.DeliverAsync",
        "prm_place_returns ← PlaceReturnSweep via PlaceReturns.SweepAsync",
        "prm_place_returns ← RevokePermitsEndpoint via PermitRevoker.RevokeInReachAsync",
        "prm_revocations ← ClearPermitsEndpoint via PermitRevoker.ClearAsync",
        "prm_revocations ← PermitGrain via PermitRevoker.RevokeOneAsync",
        "prm_revocations ← RevokePermitsEndpoint via PermitRevoker.RevokeInReachAsync",
        "prm_rollover_enterprises ← PeriodEndJob via PeriodEnds.RunPeriodEndsAsync",
        "prm_rollover_enterprises ← PeriodMoves via PeriodMoveWriter.WriteAsync",
        "prm_rollover_enterprises ← PeriodRollovers via PeriodEnds.RolloverAsync",
        "prm_rollovers ← PeriodEndJob via PeriodEnds.RunPeriodEndsAsync",
        "prm_rollovers ← PeriodMoves via PeriodMoveWriter.WriteAsync",
        "prm_rollovers ← PeriodRollovers via PeriodEnds.RolloverAsync",
        "prm_signing_keys ← KeyRotation via KeyRing.RotateAsync",
        "prm_signing_keys ← PermitsModule via KeyRing.InitializeAsync",
        "prm_suspension_notices ← IWardLockdowns via WardLockdowns.PublishAsync",
        "prm_suspension_notices ← IndividualPermits via SuspensionFeed.AddForNewAsync",
        "prm_suspension_notices ← PermitIssuer via SuspensionFeed.AddForNewAsync",
        "prm_suspension_notices ← WardLockdowns via SuspensionFeed.Notices",
        "prm_ward_suspensions ← IWardLockdowns via WardLockdowns.PublishAsync",
        "prm_work_locks ← PeriodEndJob via PeriodEnds.RunPeriodEndsAsync",
        "prm_work_locks ← PeriodMoves via PeriodMoveWriter.WriteAsync",
        "prm_work_locks ← PeriodRollovers via PeriodEnds.RolloverAsync",
    ];

    [Fact]
    public void The_enterprise_and_ward_tables_are_written_only_through_their_grains_and_registration()
    {
        using var db = new EnterprisesDbContext(new DbContextOptionsBuilder<EnterprisesDbContext>().UseSqlite("Data Source=:memory:").Options);
        AssertWriters(EnterpriseTables, typeof(Enterprises.EnterprisesModule).Assembly, db);
    }

    [Fact]
    public void The_permit_tables_are_written_through_the_permit_grain_the_issuer_the_revoker_and_the_period_ends()
    {
        using var db = new PermitsDbContext(new DbContextOptionsBuilder<PermitsDbContext>().UseSqlite("Data Source=:memory:").Options);
        AssertWriters(PermitTables, typeof(Permits.PermitsModule).Assembly, db);
    }

    [Fact]
    public void Only_the_permit_grain_hands_period_end_moves_to_their_writer()
    {
        var callers = TableWriters.Callers(typeof(Permits.PermitsModule).Assembly, typeof(Permits.Periods.PeriodMoves), nameof(Permits.Periods.PeriodMoves.ApplyAsync));
        Assert.Equal(["PermitGrain"], callers);
    }

    [Fact]
    public void The_reading_of_compiled_code_finds_writes_by_every_means_ef_core_offers()
    {
        using var db = new EnterprisesDbContext(new DbContextOptionsBuilder<EnterprisesDbContext>().UseSqlite("Data Source=:memory:").Options);
        var writers = TableWriters.Find(typeof(Enterprises.EnterprisesModule).Assembly, db.Model);
        Assert.Contains("QuotaPlaces.HoldAsync", writers["ent_quota_holds"]); // DbSet.Add in an async method
        Assert.Contains("QuotaPlaces.HoldAsync", writers["ent_enterprises"]); // ExecuteUpdateAsync
        Assert.Contains("EnterpriseRegistrar.RegisterAsync", writers["ent_enterprises"]); // a new entity's properties set
        Assert.DoesNotContain(writers.Values.SelectMany(m => m), m => m.StartsWith("EnterpriseGrain.", StringComparison.Ordinal)); // it only calls them
    }

    private static void AssertWriters(string[] expected, Assembly module, DbContext db)
    {
        var found = TableWriters.Entries(module, db.Model);
        var missing = expected.Except(found).ToList();
        var unexpected = found.Except(expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"Not written that way any more:\n  {string.Join("\n  ", missing)}\nWritten in a way the design does not list:\n  {string.Join("\n  ", unexpected)}");
    }
}
