using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// Tokens whose signature this process has already checked, by the SHA-256 of the token: a
/// checkpoint scans the same permits day after day, and an ECDSA P-256 verification costs about
/// as much as the rest of a verification together. Only the permit id is kept; the status is
/// still read from the database at every verification, so a revocation shows at once on every
/// instance. Signing keys are never removed from the ring (retired keys keep verifying what
/// they signed), so a verified signature stays verified. Bounded: when full, it starts over.
/// </summary>
internal sealed class VerifiedTokens(IOptions<VerifyOptions> options)
{
    private const int MaxTokenLength = 1024;
    private readonly ConcurrentDictionary<UInt128, Guid> _verified = new();
    private readonly int _capacity = options.Value.SignatureCacheSize;
    // Counted apart: ConcurrentDictionary.Count takes every lock of the table, and verifications
    // of new tokens would queue on them (a profile under wrk showed it as the first lock convoy).
    private int _added;

    public bool TryGet(string token, out Guid permitId)
    {
        permitId = default;
        return _capacity > 0 && TryHash(token, out var key) && _verified.TryGetValue(key, out permitId);
    }

    public void Add(string token, Guid permitId)
    {
        if (_capacity == 0 || !TryHash(token, out var key))
        {
            return;
        }
        if (_verified.TryAdd(key, permitId) && Interlocked.Increment(ref _added) > _capacity)
        {
            // Full: start over. Verifications racing with the reset only cost a signature check again.
            Interlocked.Exchange(ref _added, 0);
            _verified.Clear();
        }
    }

    /// <summary>The first 128 bits of SHA-256: finding another token with the same key is a second preimage.</summary>
    private static bool TryHash(string token, out UInt128 key)
    {
        key = default;
        if (token.Length > MaxTokenLength || !Ascii.IsValid(token))
        {
            return false;
        }
        Span<byte> ascii = stackalloc byte[token.Length];
        Encoding.ASCII.GetBytes(token, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        key = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
        return true;
    }
}
