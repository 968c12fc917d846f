using TravelPermits.Bench.Seeder;

// The benchmark's data (bench/run.sh). The database is the Host's: Permits__Database__Provider and
// ConnectionStrings__Permits, read from the environment as the Host reads them.
//
//   permits   --enterprise ID --enterprise-name NAME --city CODE --ward CODE --ward-name NAME
//             --count N [--offset K] [--period ID] [--tokens FILE] [--sample-file FILE --sample-every N]
//             [--forged FILE --forged-count N] [--status issued|approved] [--ids FILE]
//   workbook  --template FILE --rows N --out FILE
//   stamp     --base URL --token BEARER --ids FILE [--concurrency N]   the ward police's stamp of each permit, through the API
//   probe     --tokens FILE [--reads N]      the cost of the verification's database read, by how its DbContext is had
//   database-version
try
{
    if (args.Length == 0)
    {
        throw new ArgumentException("usage: permits ... | workbook ... | database-version (see bench/Seeder/Program.cs)");
    }
    var options = Options.Parse(args[1..]);
    switch (args[0])
    {
        case "permits":
            await PermitSeeder.RunAsync(options);
            break;
        case "workbook":
            WorkbookCommand.Run(options);
            break;
        case "stamp":
            await StampCommand.RunAsync(options);
            break;
        case "probe":
            await Probe.RunAsync(options);
            break;
        case "database-version":
            Console.WriteLine(await Database.VersionAsync());
            break;
        default:
            throw new ArgumentException($"unknown command '{args[0]}'");
    }
    return 0;
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
