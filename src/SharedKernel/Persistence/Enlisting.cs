using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace TravelPermits.SharedKernel.Persistence;

public static class Enlisting
{
    /// <summary>
    /// A module's context on another module's open connection and transaction, so that a contract
    /// call commits or rolls back with the caller's change. Dispose it after the call; the
    /// connection stays the caller's.
    /// </summary>
    public static async Task<TContext> EnlistAsync<TContext>(
        this DatabaseOptions database, DbTransaction transaction, Func<DbContextOptions<TContext>, TContext> create, CancellationToken ct)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        database.Configure(options, transaction.Connection!);
        var db = create(options.Options);
        await db.Database.UseTransactionAsync(transaction, ct);
        return db;
    }
}
