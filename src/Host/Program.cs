using TravelPermits.Accounts;
using TravelPermits.Approvals;
using TravelPermits.Enterprises;
using TravelPermits.Geography;
using TravelPermits.Host;
using TravelPermits.Host.Silo;
using TravelPermits.Permits;
using TravelPermits.SharedKernel;
using TravelPermits.SharedKernel.Endpoints;
using TravelPermits.Web;

var builder = WebApplication.CreateBuilder(HostSetup.ReadDemoSwitch(args, out var demo));
if (demo)
{
    builder.Configuration["Permits:Demo:Enabled"] = "true";
}

builder.Services
    .AddPlatform(builder.Configuration)
    .AddHostServices()
    .AddGeographyModule(builder.Configuration)
    .AddAccountsModule(builder.Configuration)
    .AddEnterprisesModule(builder.Configuration)
    .AddApprovalsModule(builder.Configuration)
    .AddPermitsModule(builder.Configuration)
    .AddWebInterface()
    .AddApiEndpoints(
        typeof(GeographyModule).Assembly,
        typeof(AccountsModule).Assembly,
        typeof(EnterprisesModule).Assembly,
        typeof(ApprovalsModule).Assembly,
        typeof(PermitsModule).Assembly);
builder.AddSilo();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = HostSetup.DefaultBodyLimit);

var app = builder.Build();

app.UseHostPipeline();
app.UseApiEndpoints();
app.UseApiDocumentation();
app.MapOperationsEndpoints();
app.MapWebInterface();
app.MapAdminDashboards();
app.MapBenchEndpoints();

await app.PrepareAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the end-to-end tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
