using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Tokens;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Bench.Seeder;

/// <summary>
/// What the verification's one database read costs on one thread, by how its DbContext is had:
/// options and context made per read (as <c>AddDbContext</c> does per request), options made once
/// and a context per read, one context for every read, and the bare ADO.NET command (what
/// <c>PermitReads</c> does since these figures). A diagnostic for docs/benchmarks.md, not a target.
/// </summary>
internal static class Probe
{
    public static async Task RunAsync(Options options)
    {
        var ids = File.ReadLines(options.Required("tokens")).Take(50_000)
            .Select(t => PermitToken.TryParse(t, out var parsed) ? parsed.Claims.PermitId : throw new InvalidOperationException("not a token"))
            .ToArray();
        var reads = options.Int("reads", 5_000);
        var builder = new DbContextOptionsBuilder<PermitsDbContext>();
        DatabaseOptions.From(Database.Configuration).Configure(builder, "__prm_migrations");
        var once = builder.Options;

        var results = new List<string>();
        for (var round = 0; round < 2; round++) // the first round warms up
        {
            results.Clear();
            results.Add(await TimeAsync("options and context per read (AddDbContext)", reads, async i =>
            {
                await using var db = Database.Open();
                await ReadAsync(db, ids[i % ids.Length]);
            }));
            results.Add(await TimeAsync("options once, context per read", reads, async i =>
            {
                await using var db = new PermitsDbContext(once);
                await ReadAsync(db, ids[i % ids.Length]);
            }));
            await using (var shared = new PermitsDbContext(once))
            {
                results.Add(await TimeAsync("one context for all reads", reads, i => ReadAsync(shared, ids[i % ids.Length])));
            }
            await using (var shared = new PermitsDbContext(once))
            {
                var id = shared.Model.FindEntityType(typeof(Permit))!.FindProperty(nameof(Permit.Id))!.GetRelationalTypeMapping();
                var connection = shared.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT "Status", "ValidFrom", "ValidTo", "HolderName", "IdNumberMasked", "IdNumber", "DateOfBirth", "EnterpriseName", "WardName", "CityCode" FROM "prm_permits" WHERE "Id" = @id LIMIT 1""";
                var parameter = id.CreateParameter(command, "@id", ids[0]);
                command.Parameters.Add(parameter);
                await command.PrepareAsync();
                results.Add(await TimeAsync("ADO.NET command, one open connection", reads, async i =>
                {
                    parameter.Value = id.Converter?.ConvertToProvider(ids[i % ids.Length]) ?? ids[i % ids.Length];
                    await using var reader = await command.ExecuteReaderAsync();
                    if (!await reader.ReadAsync())
                    {
                        throw new InvalidOperationException("no such permit");
                    }
                }));
            }
        }
        foreach (var line in results)
        {
            Console.WriteLine(line);
        }
    }

    private static async Task ReadAsync(PermitsDbContext db, Guid id)
    {
        var permit = await db.Permits.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Status, p.ValidFrom, p.ValidTo, p.HolderName, p.IdNumberMasked, p.IdNumber, p.DateOfBirth, p.EnterpriseName, p.WardName, p.CityCode })
            .FirstOrDefaultAsync();
        if (permit is null)
        {
            throw new InvalidOperationException("no such permit");
        }
    }

    private static async Task<string> TimeAsync(string what, int reads, Func<int, Task> read)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++)
        {
            await read(i);
        }
        return string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMicroseconds / reads:F0} µs per read: {what}");
    }
}
