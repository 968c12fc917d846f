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

    public int Count => _verified.Count;

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
        if (_verified.Count >= _capacity)
        {
            _verified.Clear();
        }
        _verified[key] = permitId;
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
