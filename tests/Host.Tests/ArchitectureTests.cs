using System.Reflection;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Modules touch each other only through their Contracts: everything else in a module is
/// internal, so the compiler enforces the rule once these tests hold.
/// </summary>
public sealed class ArchitectureTests
{
    public static TheoryData<string> Modules() =>
        new(ModuleAssemblies().Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_exposes_only_its_contracts_and_its_module_class(string module)
    {
        var assembly = ModuleAssemblies().Single(a => a.GetName().Name == module);
        Assert.Empty(SurfaceViolations(assembly.GetExportedTypes(), module));
    }

    [Fact]
    public void The_rule_reports_a_public_type_outside_contracts()
    {
        // This assembly plays a module that broke the rule: its public test classes are not contracts.
        var violations = SurfaceViolations(typeof(ArchitectureTests).Assembly.GetExportedTypes(), "TravelPermits.Host.Tests");
        Assert.Contains(typeof(ArchitectureTests), violations);
    }

    [Fact]
    public void Modules_reference_each_other_only_where_the_design_allows()
    {
        var references = ModuleAssemblies().ToDictionary(
            a => a.GetName().Name!,
            a => a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("TravelPermits.", StringComparison.Ordinal)).ToHashSet());
        Assert.DoesNotContain("TravelPermits.Accounts", references["TravelPermits.Geography"]);
        Assert.All(references.Values, r => Assert.DoesNotContain("TravelPermits.Host", r));
    }

    /// <summary>
    /// Orleans' code generator writes public serializers and proxies for the grain interfaces and
    /// records of Contracts (namespace <c>OrleansCodeGen</c>, marked as generated): they are how the
    /// contracts cross a grain call, not a surface anyone codes against.
    /// </summary>
    internal static IEnumerable<Type> SurfaceViolations(IEnumerable<Type> exported, string module)
    {
        var moduleClass = module.Replace("TravelPermits.", "", StringComparison.Ordinal) + "Module";
        return exported.Where(t =>
            t.Namespace != $"{module}.Contracts" && !(t.Namespace == module && t.Name == moduleClass) && !GeneratedByOrleans(t));
    }

    private static bool GeneratedByOrleans(Type type) =>
        type.Namespace?.StartsWith("OrleansCodeGen.", StringComparison.Ordinal) == true
        && type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>()?.Tool == "OrleansCodeGen";

    private static IEnumerable<Assembly> ModuleAssemblies() =>
    [
        typeof(Geography.GeographyModule).Assembly,
        typeof(Accounts.AccountsModule).Assembly,
        typeof(Enterprises.EnterprisesModule).Assembly,
        typeof(Approvals.ApprovalsModule).Assembly,
        typeof(Permits.PermitsModule).Assembly,
    ];
}
