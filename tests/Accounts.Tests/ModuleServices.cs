using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Persistence;

namespace TravelPermits.Accounts.Tests;

/// <summary>
/// The Accounts module's own service wiring (identity options, error describer, claims factory)
/// with its EF user store replaced by one that keeps nothing: what is tested here never reaches a database.
/// </summary>
internal static class ModuleServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        services.AddLogging();
        // The module binds its settings from the configuration service, as in the Host.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAccountsModule(configuration);
        services.AddScoped<IUserStore<AppUser>, NoDatabaseUserStore>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static AppUser User(string role, string? city = null, string? ward = null, Guid? enterprise = null) => new()
    {
        Id = Guid.Parse("5c7e1b0a-3f2d-4e8c-9a6b-1d2e3f4a5b6c"),
        UserName = role + "@cty.vn",
        Email = role + "@cty.vn",
        FullName = "Nguyễn Văn A",
        Role = role,
        CityCode = city,
        WardCode = ward,
        EnterpriseId = enterprise,
    };
}

/// <summary>Answers what claims and password checks read from a user object; anything that would persist throws.</summary>
internal sealed class NoDatabaseUserStore : IUserStore<AppUser>
{
    public Task<string> GetUserIdAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

    public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName;
        return Task.CompletedTask;
    }

    public Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
