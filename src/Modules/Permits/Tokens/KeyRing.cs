using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Tokens;

/// <summary>
/// The signing keys, held in memory so that verifying a token touches no database. The newest
/// key that is not retired signs; every key, retired or not, verifies what it signed. Keys are
/// created on first start; the private part is stored protected by Data Protection.
/// </summary>
internal sealed class KeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    private const string Purpose = "TravelPermits.Permits.SigningKeys";
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private readonly SemaphoreSlim _reload = new(1, 1);

    public sealed record PublicKey(string Kid, string X, string Y, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt)
    {
        public bool Retired => RetiredAt is not null;
    }

    private sealed record Snapshot(string? CurrentKid, byte[]? CurrentKidBytes, ECParameters? CurrentPrivate, IReadOnlyDictionary<string, ECParameters> Public, IReadOnlyList<PublicKey> Keys)
    {
        public static readonly Snapshot Empty = new(null, null, null, new Dictionary<string, ECParameters>(), []);
    }

    // ECDsa objects are not documented as thread-safe: each thread keeps its own, built once per key.
    private readonly ThreadLocal<Dictionary<string, ECDsa>> _verifiers = new(() => []);

    public IReadOnlyList<PublicKey> Keys => _snapshot.Keys;

    /// <summary>Loads the keys; creates the first one when there is none.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (_snapshot.CurrentKid is null)
        {
            await CreateAsync(retireOthers: false, ct);
        }
    }

    /// <summary>Retires the signing keys and creates the next one in one transaction: there is always a key to sign with.</summary>
    public Task<string> RotateAsync(CancellationToken ct) => CreateAsync(retireOthers: true, ct);

    /// <summary>Whether this key id is one the ring knows (no database query).</summary>
    public bool Knows(ReadOnlySpan<byte> keyId) => _snapshot.Public.ContainsKey(Convert.ToHexStringLower(keyId));

    /// <summary>
    /// Reloads when a token names a key this instance has not seen (another instance may just
    /// have rotated), at most every few seconds, so that unknown key ids cannot load the database.
    /// </summary>
    public async Task<bool> TryLearnAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastLearnTicks);
        if (now - last < TimeSpan.TicksPerSecond * 5 || Interlocked.CompareExchange(ref _lastLearnTicks, now, last) != last)
        {
            return false;
        }
        await ReloadAsync(ct);
        return true;
    }

    private long _lastLearnTicks;

    /// <summary>A signer with the current key, for one batch of tokens (dispose it after).</summary>
    public Signer CreateSigner()
    {
        var snapshot = _snapshot;
        return snapshot.CurrentKid is null
            ? throw new InvalidOperationException("The key ring has not been initialised.")
            : new Signer(snapshot.CurrentKid, snapshot.CurrentKidBytes!, ECDsa.Create(snapshot.CurrentPrivate!.Value));
    }

    public sealed class Signer(string kid, byte[] kidBytes, ECDsa key) : IDisposable
    {
        public string Kid { get; } = kid;

        public string Sign(TokenClaims claims) => PermitToken.Sign(claims, kidBytes, key);

        public void Dispose() => key.Dispose();
    }

    /// <summary>Checks the token's signature against the key it names; false for an unknown key or a bad signature.</summary>
    public bool Verify(in ParsedToken token)
    {
        var kid = Convert.ToHexStringLower(token.KeyId);
        if (!_snapshot.Public.TryGetValue(kid, out var parameters))
        {
            return false;
        }
        var verifiers = _verifiers.Value!;
        if (!verifiers.TryGetValue(kid, out var key))
        {
            key = ECDsa.Create(parameters);
            verifiers[kid] = key;
        }
        return token.VerifiedBy(key);
    }

    /// <summary>Reads the keys from the database (another instance may have rotated).</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PermitsDbContext>();
            var keys = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
            var current = keys.LastOrDefault(k => k.RetiredAt is null);
            var protector = protection.CreateProtector(Purpose);
            ECParameters? currentPrivate = current is null ? null : Parameters(current, Convert.FromBase64String(Unprotect(protector, current)));
            _snapshot = new Snapshot(
                current?.Kid, current is null ? null : Convert.FromHexString(current.Kid), currentPrivate,
                keys.ToDictionary(k => k.Kid, k => Parameters(k, null)),
                keys.Select(k => new PublicKey(k.Kid, k.X, k.Y, k.CreatedAt, k.RetiredAt)).ToList());
        }
        finally
        {
            _reload.Release();
        }
    }

    private static string Unprotect(IDataProtector protector, SigningKey key)
    {
        try
        {
            return protector.Unprotect(key.ProtectedD);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The signing key {key.Kid} cannot be decrypted: the key ring that protects it was encrypted with another certificate than " +
                "Permits:DataProtection:CertificatePath (or PreviousCertificatePaths) holds. Restore the certificate the database was used with.", e);
        }
    }

    private async Task<string> CreateAsync(bool retireOthers, CancellationToken ct)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var kid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        // Protected before the transaction opens: Data Protection may write its own key ring first,
        // which on SQLite would wait for this transaction's write lock.
        var protectedD = protection.CreateProtector(Purpose).Protect(Convert.ToBase64String(parameters.D!));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PermitsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (retireOthers)
            {
                var now = time.GetUtcNow();
                await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
            }
            db.SigningKeys.Add(new SigningKey
            {
                Kid = kid,
                X = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(parameters.Q.X!),
                Y = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(parameters.Q.Y!),
                ProtectedD = protectedD,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await ReloadAsync(ct);
        return kid;
    }

    private static ECParameters Parameters(SigningKey key, byte[]? d) => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint
        {
            X = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(key.X),
            Y = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(key.Y),
        },
        D = d,
    };
}
