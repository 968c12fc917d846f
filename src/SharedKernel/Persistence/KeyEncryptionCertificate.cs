using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>
/// The certificate that encrypts the Data Protection key ring, which is stored in the database
/// (and in turn protects the permits' signing keys). It is kept outside the database, so that a
/// copy of the database alone reveals no key (<see cref="KeyEncryptionOptions"/>). The file is
/// created on first start when it does not exist; every Host sharing one database needs the same file.
/// </summary>
public sealed class KeyEncryptionCertificate
{
    public const string DefaultPath = "data/key-encryption.pfx";

    public required X509Certificate2 Current { get; init; }
    public required IReadOnlyList<X509Certificate2> All { get; init; }

    /// <summary>Whether <see cref="From"/> created the file, which must then be backed up with the database.</summary>
    public bool Created { get; init; }

    public required string Path { get; init; }

    public static KeyEncryptionCertificate From(KeyEncryptionOptions options)
    {
        var path = options.CertificatePath;
        var password = options.CertificatePassword;
        var created = CreateIfMissing(path, password);
        var current = Load(path, password);
        var previous = options.PreviousPaths.Select(p => Load(p, password));
        return new KeyEncryptionCertificate { Current = current, All = [current, .. previous], Created = created, Path = System.IO.Path.GetFullPath(path) };
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            // The private key stays in memory, nowhere else; macOS has no ephemeral key sets.
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, flags);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The key-encryption certificate '{System.IO.Path.GetFullPath(path)}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a new self-signed RSA certificate when the file is missing. It is written to a
    /// temporary file readable by this user only and then moved into place without overwriting, so
    /// that two Hosts starting at once end up with one certificate.
    /// </summary>
    private static bool CreateIfMissing(string path, string? password)
    {
        if (File.Exists(path))
        {
            return false;
        }
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Travel permits key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(temporary, options))
        {
            file.Write(certificate.Export(X509ContentType.Pkcs12, password));
            file.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another Host created it first: use that one
            return false;
        }
    }
}
