using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace TravelPermits.SharedKernel.Persistence;

#pragma warning disable EF1001 // EF's own migrations assembly, changed at the one virtual member that needs it.

/// <summary>
/// A module's migrations are provider-neutral, but a model snapshot is not: column types, value
/// conversions and annotations differ between SQLite and PostgreSQL. So each module keeps one
/// snapshot per provider, a class named <c>…SqliteModelSnapshot</c> or <c>…PostgresModelSnapshot</c>,
/// and EF's migrations (its pending-model check, <c>HasPendingModelChanges</c>, <c>dotnet ef</c>)
/// read the one of the provider in use (ADR 0012). Everything else is EF's own migrations assembly.
/// </summary>
internal sealed class ProviderModelSnapshots : MigrationsAssembly
{
    private readonly DbContext _context;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public ProviderModelSnapshots(
        ICurrentDbContext currentContext,
        IDbContextOptions options,
        IMigrationsIdGenerator idGenerator,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger)
    {
        _context = currentContext.Context;
        _snapshot = new Lazy<ModelSnapshot?>(Find);
    }

    public override ModelSnapshot? ModelSnapshot => _snapshot.Value;

    /// <summary>The end of the names of this provider's snapshots, before <c>ModelSnapshot</c>.</summary>
    public static string SuffixOf(DatabaseFacade database) =>
        (database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres).ToString();

    private ModelSnapshot? Find()
    {
        var name = SuffixOf(_context.Database) + "ModelSnapshot";
        var type = Assembly.DefinedTypes
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && t.Name.EndsWith(name, StringComparison.Ordinal))
            .SingleOrDefault(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _context.GetType());
        return type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
    }
}
