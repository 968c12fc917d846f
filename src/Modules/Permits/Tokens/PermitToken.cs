using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace TravelPermits.Permits.Tokens;

/// <summary>
/// What a permit's token says: which permit, and enough to check the person offline. The holder's
/// name is the one the token carries, abbreviated when long (<see cref="TokenNames"/>).
/// </summary>
internal sealed record TokenClaims(Guid PermitId, string HolderName, string IdNumberMasked);

/// <summary>
/// The permit token: a COSE_Sign1 message (RFC 9052), ES256, the key id in the protected header,
/// the claims as a CBOR map (7 = cti: permit id; -65537: holder's name, abbreviated when long; -65538: masked ID
/// number), written in unpadded base32 (ADR 8, docs/qr-format.md).
/// </summary>
internal static class PermitToken
{
    public const long Es256 = -7;
    public const long HolderNameClaim = -65537;
    public const long IdNumberMaskedClaim = -65538;
    private const ulong CoseSign1Tag = 18;

    public static string Sign(TokenClaims claims, byte[] keyId, ECDsa key)
    {
        var protectedHeader = new CborWriter().Map(2).Int(1).Int(Es256).Int(4).Bytes(keyId).ToArray();
        var payload = new CborWriter().Map(3)
            .Int(7).Bytes(claims.PermitId.ToByteArray(bigEndian: true))
            .Int(HolderNameClaim).Text(claims.HolderName)
            .Int(IdNumberMaskedClaim).Text(claims.IdNumberMasked)
            .ToArray();
        var signature = ToLowS(key.SignData(SigStructure(protectedHeader, payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var message = new CborWriter().Tag(CoseSign1Tag).Array(4)
            .Bytes(protectedHeader).Map(0).Bytes(payload).Bytes(signature)
            .ToArray();
        return Base32.Encode(message);
    }

    /// <summary>
    /// Parses the token's structure (no signature check). Returns false for anything that is not
    /// a well-formed ES256 COSE_Sign1 permit token.
    /// </summary>
    public static bool TryParse(string token, out ParsedToken parsed)
    {
        parsed = default;
        if (!Base32.TryDecode(token, out var bytes))
        {
            return false;
        }
        try
        {
            var reader = new CborReader(bytes);
            if (reader.PeekMajor() != 6 || reader.Tag() != CoseSign1Tag)
            {
                return false;
            }
            if (reader.Array() != 4)
            {
                return false;
            }
            var protectedHeader = reader.Bytes().ToArray();
            if (reader.Map() != 0)
            {
                return false;
            }
            var payload = reader.Bytes().ToArray();
            var signature = reader.Bytes().ToArray();
            if (!reader.AtEnd || signature.Length != 64 || !IsLowS(signature))
            {
                return false;
            }

            var header = new CborReader(protectedHeader);
            long? alg = null;
            byte[]? kid = null;
            for (var count = header.Map(); count > 0; count--)
            {
                switch (header.Int())
                {
                    case 1 when alg is null: alg = header.Int(); break;
                    case 4 when kid is null: kid = header.Bytes().ToArray(); break;
                    default: return false; // unknown or repeated
                }
            }
            if (alg != Es256 || kid is null || !header.AtEnd)
            {
                return false;
            }

            var claims = new CborReader(payload);
            Guid? id = null;
            string? name = null, masked = null;
            for (var count = claims.Map(); count > 0; count--)
            {
                switch (claims.Int())
                {
                    case 7 when id is null:
                        var raw = claims.Bytes();
                        id = raw.Length == 16 ? new Guid(raw, bigEndian: true) : Guid.Empty;
                        break;
                    case HolderNameClaim when name is null: name = claims.Text(); break;
                    case IdNumberMaskedClaim when masked is null: masked = claims.Text(); break;
                    default: return false; // unknown or repeated
                }
            }
            if (id is null || id == Guid.Empty || name is null || masked is null || !claims.AtEnd)
            {
                return false;
            }
            parsed = new ParsedToken(new TokenClaims(id.Value, name, masked), kid, SigStructure(protectedHeader, payload), signature);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false; // invalid UTF-8 in a text string
        }
    }

    // ECDSA accepts (r, s) and (r, n - s) alike; only the low s is written and accepted, so a token has one spelling.
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static readonly BigInteger HalfOrder = Order >> 1;

    private static bool IsLowS(ReadOnlySpan<byte> signature) =>
        new BigInteger(signature[32..], isUnsigned: true, isBigEndian: true) <= HalfOrder;

    private static byte[] ToLowS(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        if (s > HalfOrder)
        {
            var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
            Array.Clear(signature, 32, 32);
            low.CopyTo(signature, 64 - low.Length);
        }
        return signature;
    }

    /// <summary>The bytes ES256 signs (RFC 9052, 4.4): ["Signature1", protected, external_aad, payload].</summary>
    private static byte[] SigStructure(byte[] protectedHeader, byte[] payload) =>
        new CborWriter().Array(4).Text("Signature1").Bytes(protectedHeader).Bytes([]).Bytes(payload).ToArray();
}

internal readonly record struct ParsedToken(TokenClaims Claims, byte[] KeyId, byte[] SignedBytes, byte[] Signature)
{
    public bool VerifiedBy(ECDsa key) =>
        key.VerifyData(SignedBytes, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
