using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Bench.Seeder;

/// <summary>The Host's database, configured from the environment as the Host configures it.</summary>
internal static class Database
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public static PermitsDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<PermitsDbContext>();
        DatabaseOptions.From(Configuration).Configure(builder, "__prm_migrations");
        return new PermitsDbContext(builder.Options);
    }

    public static async Task<string> VersionAsync()
    {
        await using var db = Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = db.Database.IsSqlite() ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT 'PostgreSQL ' || current_setting('server_version')";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// Writes permits in bulk: Npgsql's binary COPY on PostgreSQL, one transaction with a prepared
/// INSERT on SQLite. Columns, names and value conversions come from the module's EF Core model,
/// so rows are stored exactly as the Host stores them.
/// </summary>
internal abstract class PermitWriter : IAsyncDisposable
{
    protected sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public object? ValueOf(Permit permit)
        {
            var value = Getter.GetClrValue(permit);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    protected PermitWriter(PermitsDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Permit))!;
        Table = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        Columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToArray();
    }

    protected string Table { get; }

    protected IReadOnlyList<Column> Columns { get; }

    protected string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

    public static async Task<PermitWriter> OpenAsync(PermitsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return connection switch
        {
            NpgsqlConnection npgsql => new CopyWriter(db, npgsql),
            SqliteConnection sqlite => await SqliteWriter.CreateAsync(db, sqlite),
            _ => throw new InvalidOperationException(connection.GetType().Name),
        };
    }

    public abstract void Write(IReadOnlyList<Permit> permits);

    public abstract Task CompleteAsync();

    public abstract ValueTask DisposeAsync();

    private sealed class CopyWriter : PermitWriter
    {
        private readonly NpgsqlBinaryImporter _importer;

        public CopyWriter(PermitsDbContext db, NpgsqlConnection connection) : base(db) =>
            _importer = connection.BeginBinaryImport($"COPY \"{Table}\" ({ColumnList}) FROM STDIN (FORMAT BINARY)");

        public override void Write(IReadOnlyList<Permit> permits)
        {
            foreach (var permit in permits)
            {
                _importer.StartRow();
                foreach (var column in Columns)
                {
                    switch (column.ValueOf(permit))
                    {
                        case null: _importer.WriteNull(); break;
                        case Guid v: _importer.Write(v, NpgsqlDbType.Uuid); break;
                        case string v: _importer.Write(v, NpgsqlDbType.Text); break;
                        case DateOnly v: _importer.Write(v, NpgsqlDbType.Date); break;
                        case DateTimeOffset v: _importer.Write(v, NpgsqlDbType.TimestampTz); break;
                        case DateTime v: _importer.Write(v, NpgsqlDbType.TimestampTz); break;
                        case int v: _importer.Write(v, NpgsqlDbType.Integer); break;
                        case long v: _importer.Write(v, NpgsqlDbType.Bigint); break;
                        case bool v: _importer.Write(v, NpgsqlDbType.Boolean); break;
                        case var other: throw new InvalidOperationException($"{column.Name}: no COPY type for {other.GetType()}");
                    }
                }
            }
        }

        public override async Task CompleteAsync() => await _importer.CompleteAsync();

        public override ValueTask DisposeAsync() => _importer.DisposeAsync();
    }

    private sealed class SqliteWriter : PermitWriter
    {
        private readonly DbTransaction _transaction;
        private readonly DbCommand _insert;
        private readonly DbParameter[] _parameters;

        private SqliteWriter(PermitsDbContext db, DbTransaction transaction) : base(db)
        {
            _transaction = transaction;
            _insert = transaction.Connection!.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO \"{Table}\" ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
            // The type mapping configures each parameter as EF Core does (a Guid as upper-case TEXT, an instant as UTC ticks).
            _parameters = Columns.Select((c, i) => c.Mapping.CreateParameter(_insert, $"$p{i}", null, c.Nullable)).ToArray();
            _insert.Parameters.AddRange(_parameters);
            _insert.Prepare();
        }

        public static async Task<PermitWriter> CreateAsync(PermitsDbContext db, SqliteConnection connection) =>
            new SqliteWriter(db, await connection.BeginTransactionAsync());

        public override void Write(IReadOnlyList<Permit> permits)
        {
            foreach (var permit in permits)
            {
                for (var i = 0; i < Columns.Count; i++)
                {
                    _parameters[i].Value = Columns[i].ValueOf(permit) ?? DBNull.Value;
                }
                _insert.ExecuteNonQuery();
            }
        }

        public override Task CompleteAsync() => _transaction.CommitAsync();

        public override async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _transaction.DisposeAsync();
        }
    }
}
