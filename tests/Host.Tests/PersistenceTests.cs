using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The fixture's database started empty; the Host built it with the real migrations.</summary>
public abstract class PersistenceTests(PermitsHost host)
{
    [Fact]
    public async Task Every_module_has_applied_all_its_migrations()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var contexts = host.Services.ModuleContextTypes().ToList();
        Assert.True(contexts.Count >= 3, "platform, geography and accounts at least");
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task The_migrated_schema_has_every_table_and_column_of_every_model()
    {
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var type in host.Services.ModuleContextTypes())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var columns = entity.GetProperties().Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));
                var query = $"SELECT {string.Join(", ", columns)} FROM {sql.DelimitIdentifier(table.Name)} WHERE 1 = 0";
                await db.Database.ExecuteSqlRawAsync(query, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>
    /// Each module has a model snapshot of this provider, and it is the model its migrations build
    /// (ADR 0012). A change to an entity or its mapping without a migration and new snapshots fails
    /// here; the Host too refuses to start then (EF's PendingModelChangesWarning at MigrateAsync),
    /// but only where a snapshot exists, which this test checks.
    /// </summary>
    [Fact]
    public async Task No_model_has_a_change_that_no_migration_covers()
    {
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var type in host.Services.ModuleContextTypes())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            Assert.True(db.GetService<IMigrationsAssembly>().ModelSnapshot is not null,
                $"{type.Name} has no {host.Provider} model snapshot (docs/adr/0012-model-snapshots.md).");
            Assert.False(db.Database.HasPendingModelChanges(),
                $"{type.Name}'s model differs from its {host.Provider} snapshot: write a migration and regenerate the snapshots (docs/adr/0012-model-snapshots.md).");
        }
    }

    [Fact]
    public async Task The_audit_trail_refuses_updates_and_deletes()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Audit(Actor.System, "test.appended", "test", Guid.NewGuid().ToString(), host.Clock.GetUtcNow());
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            $"UPDATE {PlatformTables.Audit} SET \"Action\" = 'tampered'", TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            $"DELETE FROM {PlatformTables.Audit}", TestContext.Current.CancellationToken));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "tampered", TestContext.Current.CancellationToken));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class PersistenceTestsOnSqlite(SqliteHost host) : PersistenceTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class PersistenceTestsOnPostgres(PostgresHost host) : PersistenceTests(host)
{
    /// <summary>
    /// The fixture's server is on the loopback and its connection string chooses no SSL Mode: the
    /// Host's connections go without TLS, which a server that offers it (Debian's) would otherwise use.
    /// </summary>
    [Fact]
    public async Task A_server_on_the_loopback_is_reached_without_tls_unless_the_connection_string_asks_for_it()
    {
        var database = host.Services.GetRequiredService<DatabaseOptions>();
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var ssl = connection.CreateCommand();
            ssl.CommandText = "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)";
            Assert.Equal(false, await ssl.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        var asked = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { SslMode = Npgsql.SslMode.Prefer }.ConnectionString;
        Assert.Equal(asked, DatabaseOptions.WithoutTlsOnLoopback(asked));
    }
}
