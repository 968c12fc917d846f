using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The Enterprises module's settings are checked when the Host starts, not when a ward first needs them.</summary>
public sealed class EnterprisesSettingsTests
{
    private const string Key = "Permits:Quota:DefaultRatioPercent";

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("thirty")]
    public async Task A_default_ratio_that_is_not_a_percentage_stops_the_host_with_the_key_named(string ratio)
    {
        var work = Directory.CreateTempSubdirectory("permits-settings-").FullName;
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("Permits:Database:Provider", "Sqlite");
                web.UseSetting("ConnectionStrings:Permits", Databases.Sqlite(work));
                web.UseSetting("Permits:Bootstrap:AdminEmail", PermitsHost.AdminEmail);
                web.UseSetting("Permits:Bootstrap:AdminPassword", PermitsHost.Password);
                web.UseSetting("Permits:Email:PickupDirectory", Path.Combine(work, "mail"));
                web.UseSetting("Permits:DataProtection:CertificatePath", Path.Combine(work, "key-encryption.pfx"));
                web.UseSetting("Permits:Scheduler:Enabled", "false");
                web.UseSetting(Key, ratio);
            });

            var failure = Assert.ThrowsAny<Exception>(() => factory.Server);

            Assert.Contains(Key, string.Join(" | ", Messages(failure)), StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The failure's message and those of the exceptions it wraps.</summary>
    private static IEnumerable<string> Messages(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure.Message;
            if (failure is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }
}
