using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Permits.Contracts;
using TravelPermits.Permits.Issue;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Tokens;
using TravelPermits.TestSupport;

namespace TravelPermits.Bench.Seeder;

/// <summary>
/// Live permits of one enterprise, straight into the database: a new ES256 key stored as a
/// retired key (retired keys still verify; a running Host learns an unknown key id from the
/// database at its first verification), then permits built and signed by the Permits module's own
/// code (<see cref="PermitIssuer.NewPermit"/>), written in bulk. Writes the tokens for wrk to pick
/// from, and forged ones: the same tokens with a random signature, still well-formed.
/// </summary>
internal static class PermitSeeder
{
    private const int BatchSize = 10_000;

    public static async Task RunAsync(Options options)
    {
        var enterpriseId = options.Guid("enterprise") ?? throw new ArgumentException("--enterprise is required");
        var enterpriseName = options.Required("enterprise-name");
        var cityCode = options.Required("city");
        var wardCode = options.Required("ward");
        var wardName = options.Required("ward-name");
        var count = options.Int("count", 100_000);
        if (count <= 0)
        {
            throw new ArgumentException("--count must be above zero");
        }
        var offset = options.Int("offset", 0);
        var periodId = options.Guid("period");
        var sampleEvery = options.Int("sample-every", 10);
        var forgedCount = options.Int("forged-count", 10_000);
        // "approved": permits that wait for the ward police's stamp, which goes through each permit's grain.
        var status = options.Text("status") switch
        {
            null or "issued" => PermitStatus.Issued,
            "approved" => PermitStatus.Approved,
            var other => throw new ArgumentException($"--status {other}: issued or approved"),
        };
        var clock = Stopwatch.StartNew();

        await using var db = Database.Open();
        var now = DateTimeOffset.UtcNow;
        var validTo = periodId is { } period
            ? await db.Periods.AsNoTracking().Where(p => p.Id == period).Select(p => p.EndsAt).SingleAsync()
            : (Database.Configuration.GetSection(IssueOptions.Section).Get<IssueOptions>() ?? new IssueOptions()).DefaultValidTo(now);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var kidBytes = RandomNumberGenerator.GetBytes(4);
        var kid = Convert.ToHexStringLower(kidBytes);
        db.SigningKeys.Add(new SigningKey
        {
            Kid = kid,
            X = Base64UrlTextEncoder.Encode(parameters.Q.X!),
            Y = Base64UrlTextEncoder.Encode(parameters.Q.Y!),
            ProtectedD = "bench seeder: the private key was not kept",
            CreatedAt = now,
            RetiredAt = now,
        });
        await db.SaveChangesAsync();
        var keySaved = clock.Elapsed;

        // Signing (both cores) runs ahead of writing, a few batches at most.
        using var batches = new BlockingCollection<Permit[]>(boundedCapacity: 3);
        var producer = Task.Run(() =>
        {
            try
            {
                for (var start = 0; start < count; start += BatchSize)
                {
                    var batch = new Permit[Math.Min(BatchSize, count - start)];
                    var first = offset + start;
                    Parallel.For(0, batch.Length,
                        () => new KeyRing.Signer(kid, kidBytes, ECDsa.Create(parameters)),
                        (i, _, signer) =>
                        {
                            batch[i] = NewPermit(first + i, enterpriseId, enterpriseName, cityCode, wardCode, wardName, status, now, validTo, periodId, signer);
                            return signer;
                        },
                        signer => signer.Dispose());
                    batches.Add(batch);
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        });

        var tokens = Open(options.Text("tokens"), append: false);
        var ids = Open(options.Text("ids"), append: false);
        var sample = Open(options.Text("sample-file"), append: true);
        var forged = Open(options.Text("forged"), append: false);
        var forgeEvery = Math.Max(1, count / Math.Max(1, forgedCount));
        var index = offset;
        Permit? first = null;
        TimeSpan opened, written;
        await using (var writer = await PermitWriter.OpenAsync(db))
        {
            opened = clock.Elapsed;
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                writer.Write(batch);
                first ??= batch[0];
                foreach (var permit in batch)
                {
                    tokens?.WriteLine(permit.Token);
                    ids?.WriteLine(permit.Id.ToString());
                    if (index % sampleEvery == 0)
                    {
                        sample?.WriteLine(permit.Token);
                    }
                    if (forged is not null && (index - offset) % forgeEvery == 0)
                    {
                        forged.WriteLine(Forge(permit.Token, key));
                    }
                    index++;
                }
            }
            await producer;
            written = clock.Elapsed;
            await writer.CompleteAsync();
        }
        var committed = clock.Elapsed;
        if (db.Database.IsNpgsql())
        {
            // What autovacuum does within a minute or so of such a load (an insert-driven vacuum,
            // then analyze): done here, it does not run in the middle of a measurement, and the
            // planner does not believe the table still holds what it held before.
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"prm_permits\"");
        }
        foreach (var file in new[] { tokens, ids, sample, forged })
        {
            file?.Dispose();
        }

        // The module's own parsing and verification accept what was written, read back by its id.
        var check = await db.Permits.AsNoTracking().Where(p => p.Id == first!.Id).Select(p => p.Token).SingleAsync();
        if (!PermitToken.TryParse(check, out var parsed) || parsed.Claims.PermitId != first!.Id || !parsed.VerifiedBy(key))
        {
            throw new InvalidOperationException("a seeded token does not verify");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {count} permits of enterprise {enterpriseId} (key {kid}, period {periodId?.ToString() ?? "none"}) in {clock.Elapsed.TotalSeconds:F1} s: " +
            $"key stored at {keySaved.TotalSeconds:F1} s, bulk write open at {opened.TotalSeconds:F1} s, rows sent at {written.TotalSeconds:F1} s, committed at {committed.TotalSeconds:F1} s"));
    }

    /// <summary>
    /// Person <paramref name="index"/> as the tests make them (a valid name and birth date), with an
    /// ID number of its own: province 079 (the tests' uploads use 048), the century, gender and year
    /// digits of the birth date, and a serial that makes it unique (index mod 90 picks year and gender).
    /// </summary>
    private static Permit NewPermit(int index, Guid enterpriseId, string enterpriseName, string cityCode, string wardCode, string wardName, PermitStatus status,
        DateTimeOffset now, DateTimeOffset validTo, Guid? periodId, KeyRing.Signer signer)
    {
        var row = Workbooks.Person(index);
        var idNumber = string.Concat("079", row.IdNumber.AsSpan(3, 3), (index / 90).ToString("D6", CultureInfo.InvariantCulture));
        var person = new ApprovedPerson(Guid.CreateVersion7(), enterpriseId, cityCode, wardCode, row.FullName, idNumber, row.DateOfBirth,
            row.Gender == "Nữ" ? "female" : "male", row.Phone, row.Position, row.Residence, row.Workplace, now);
        return PermitIssuer.NewPermit(person, enterpriseId, enterpriseName, wardName, status, now, validTo, periodId, "bench-seeder", signer);
    }

    /// <summary>
    /// The token with a random signature: r below the curve order, s in the lower half (the
    /// low-S rule), so it parses as a well-formed token of a known key and fails only at ECDSA.
    /// </summary>
    private static string Forge(string token, ECDsa key)
    {
        if (!Base32.TryDecode(token, out var message))
        {
            throw new InvalidOperationException("not a token");
        }
        var signature = message.AsSpan(message.Length - 64); // the last item of the COSE_Sign1 array
        RandomNumberGenerator.Fill(signature);
        signature[0] &= 0x7f;
        signature[32] &= 0x3f;
        var forged = Base32.Encode(message);
        return PermitToken.TryParse(forged, out var parsed) && !parsed.VerifiedBy(key)
            ? forged
            : throw new InvalidOperationException("the forged token is not well-formed");
    }

    private static StreamWriter? Open(string? path, bool append) =>
        path is null ? null : new StreamWriter(path, append) { AutoFlush = false };
}
