using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Accounts.Bootstrap;

/// <summary>
/// The first admin, created only while no user exists: from <c>Permits:Bootstrap:AdminEmail</c> and
/// <c>AdminPassword</c>, or, when they are not set, with a generated password written to the log.
/// </summary>
internal sealed partial class BootstrapAdmin(AccountsDbContext db, UserAccounts accounts, IOptions<BootstrapOptions> options, ILogger<BootstrapAdmin> logger)
{
    public const string DefaultEmail = "admin@travel-permits.local";

    public async Task<string?> EnsureAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }
        var email = options.Value.AdminEmail;
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrWhiteSpace(password);
        if (generated)
        {
            password = Generate();
        }
        email = string.IsNullOrWhiteSpace(email) ? DefaultEmail : email.Trim();
        try
        {
            await accounts.CreateAsync(new CreateUserRequest(email, password!, "Administrator", Roles.Admin, null, null, null), Actor.System, ct);
        }
        catch (ProblemException e)
        {
            throw new InvalidOperationException($"Permits:Bootstrap could not create the first admin {email}: {e.Text.En}", e);
        }
        if (generated)
        {
            LogGenerated(logger, email, password!);
        }
        else
        {
            LogCreated(logger, email);
        }
        return email;
    }

    private static string Generate()
    {
        // Upper, lower and digits guaranteed, so the password policy accepts it.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return "Aa1-" + RandomNumberGenerator.GetString(alphabet, 16);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No user existed: created the admin {Email} with the password {Password}. Sign in with POST /api/v1/auth/login and keep the password safe; set Permits__Bootstrap__AdminEmail and Permits__Bootstrap__AdminPassword to choose them yourself.")]
    private static partial void LogGenerated(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "No user existed: created the admin {Email} from Permits:Bootstrap.")]
    private static partial void LogCreated(ILogger logger, string email);
}
