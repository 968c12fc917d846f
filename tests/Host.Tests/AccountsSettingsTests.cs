using Microsoft.AspNetCore.Hosting;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>A wrong <c>Permits:Auth</c> setting stops the Host at start with a message naming the key, instead of signing people in with it.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class AccountsSettingsTests(SqliteHost host)
{
    [Theory]
    [InlineData("AccessTokenMinutes", "0")]
    [InlineData("AccessTokenMinutes", "abc")]
    [InlineData("RefreshTokenDays", "0")]
    [InlineData("MaxFailedAttempts", "0")]
    [InlineData("LockoutMinutes", "-5")]
    public async Task A_wrong_auth_setting_stops_the_host_naming_the_key(string setting, string value)
    {
        var key = "Permits:Auth:" + setting;
        await using var factory = host.Factory.WithWebHostBuilder(web => web.UseSetting(key, value));

        var failure = Record.Exception(() => factory.Server);

        Assert.NotNull(failure);
        Assert.Contains(Messages(failure), message => message.Contains(key, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Messages(Exception failure) => failure switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(Messages).Prepend(all.Message),
        { InnerException: { } inner } => Messages(inner).Prepend(failure.Message),
        _ => [failure.Message],
    };
}
