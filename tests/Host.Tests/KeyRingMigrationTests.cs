using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Persistence.Migrations;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// A database whose key ring was written by the former hand-written key store keeps its keys when
/// the platform's migrations move them to Data Protection's own entity.
/// </summary>
public sealed class KeyRingMigrationTests : IAsyncLifetime
{
    private const string LastMigrationOfTheFormerStore = "20261122080000_PlatformIdempotency";
    private readonly string _work = Directory.CreateTempSubdirectory("permits-keyring-").FullName;
    private string? _postgresDatabase;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_key_written_to_the_former_table_still_unprotects_what_it_protected_after_the_migration(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await DatabaseFor(provider);
        using var certificate = CreateCertificate();

        // What the former store held: Data Protection's key XML, encrypted with the certificate, one row per key.
        var folder = Directory.CreateDirectory(Path.Combine(_work, "keys"));
        string protectedBefore;
        Guid keyId;
        await using (var before = DataProtection(certificate, b => b.PersistKeysToFileSystem(folder)))
        {
            protectedBefore = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed before");
            keyId = Assert.Single(before.GetRequiredService<IKeyManager>().GetAllKeys()).KeyId;
        }
        var keyXml = await File.ReadAllTextAsync(Assert.Single(folder.GetFiles("*.xml")).FullName, ct);
        Assert.Contains("<EncryptedData", keyXml);

        await using var services = DataProtection(certificate, b => b.PersistKeysToDbContext<PlatformDbContext>(), database);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationOfTheFormerStore, ct);
            var friendlyName = $"key-{keyId:D}";
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {PlatformDataProtectionKeys.OldTable} (\"FriendlyName\", \"Xml\") VALUES ({{0}}, {{1}})",
                [friendlyName, keyXml], ct);

            await db.Database.MigrateAsync(ct);
            var moved = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync(ct));
            Assert.Equal(friendlyName, moved.FriendlyName);
            Assert.Equal(keyXml, moved.Xml);
        }

        Assert.Contains(services.GetRequiredService<IKeyManager>().GetAllKeys(), k => k.KeyId == keyId);
        Assert.Equal("signed before", services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedBefore));
    }

    /// <summary>Data Protection as the Host sets it up, over the given key store (and the platform's context, given a database).</summary>
    private static ServiceProvider DataProtection(X509Certificate2 certificate, Action<IDataProtectionBuilder> store, DatabaseOptions? database = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (database is not null)
        {
            services.AddSingleton(database);
            services.AddModuleDbContext<PlatformDbContext>("__platform_migrations");
        }
        var builder = services.AddDataProtection().SetApplicationName("travel-permits")
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        store(builder);
        return services.BuildServiceProvider();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Key ring migration test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private async Task<DatabaseOptions> DatabaseFor(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new DatabaseOptions { Provider = provider, ConnectionString = Databases.Sqlite(_work) };
        }
        var created = await Databases.CreatePostgresAsync();
        if (created.ConnectionString is null)
        {
            Assert.Skip(created.Unavailable!);
        }
        _postgresDatabase = created.Database;
        return new DatabaseOptions { Provider = provider, ConnectionString = created.ConnectionString };
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Databases.DropPostgresAsync(_postgresDatabase);
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
