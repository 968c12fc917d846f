using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Approvals.Applications;
using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Approvals;

/// <summary>
/// Requests (Excel lists), individual applications and the wards' approval chains. Its routes are
/// FastEndpoints endpoints of the <see cref="ApprovalsApi"/> group, found by the Host's <c>AddApiEndpoints</c>.
/// </summary>
public static class ApprovalsModule
{
    public static IServiceCollection AddApprovalsModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // the module reads no setting of its own
        services.AddModuleDbContext<ApprovalsDbContext>("__apr_migrations");
        services.AddScoped<RequestIntake>();
        services.AddScoped<RequestInbox>();
        services.AddScoped<ApprovedPeople.ApprovedPeopleList>();
        services.AddScoped<RequestDecisions>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationInbox>();
        services.AddScoped<ApplicationDecisions>();
        services.AddScoped<ChainService>();
        services.AddScoped<ApprovalFollowUps>();
        services.AddHostedService<FollowUpSweep>();
        services.AddScoped<IApprovedList, ApprovedList>();
        services.AddScoped<IRequestFigures, Figures.RequestCounts>();
        services.AddValidatorsFromAssembly(typeof(ApprovalsModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
