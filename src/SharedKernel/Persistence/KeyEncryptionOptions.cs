using System.ComponentModel.DataAnnotations;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary><c>Permits:DataProtection</c>: where <see cref="KeyEncryptionCertificate"/> is kept.</summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "Permits:DataProtection";

    /// <summary>A PKCS#12 file, created on first start when missing.</summary>
    [Required]
    public string CertificatePath { get; set; } = KeyEncryptionCertificate.DefaultPath;

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates replaced since, separated by <c>;</c>: they still decrypt what they encrypted.</summary>
    public string? PreviousCertificatePaths { get; set; }

    internal IEnumerable<string> PreviousPaths =>
        (PreviousCertificatePaths ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
