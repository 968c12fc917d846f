using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence;

/// <summary>
/// This module's context on another module's open connection and transaction, so that a
/// contract call (taking places, raising a quota) commits or rolls back with the caller's change.
/// </summary>
internal static class EnlistedContext
{
    public static async Task<EnterprisesDbContext> CreateAsync(DatabaseOptions database, DbTransaction transaction, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<EnterprisesDbContext>();
        database.Configure(options, transaction.Connection!);
        var db = new EnterprisesDbContext(options.Options);
        await db.Database.UseTransactionAsync(transaction, ct);
        return db;
    }
}
