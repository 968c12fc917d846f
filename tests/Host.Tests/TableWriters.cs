using System.Reflection;
using System.Reflection.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TravelPermits.Host.Tests;

/// <summary>
/// Which classes of an assembly write which tables, read from their compiled code: a method writes
/// an entity's table when it adds, updates or removes it through EF Core (<c>DbSet</c>,
/// <c>DbContext</c>, <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) or sets one of its properties.
/// Lambdas, local functions and async state machines count for the class that declares them.
/// </summary>
internal static class TableWriters
{
    private static readonly HashSet<string> WritingMethods =
    [
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange",
        "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// Table name → the methods of <paramref name="assembly"/> that write it (<c>Class.Method</c>),
    /// for the entities of <paramref name="model"/>; a method counts when it writes itself or calls
    /// one of its own class's methods that does.
    /// </summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> Find(Assembly assembly, IModel model)
    {
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.ClrType.IsGenericType)
            .ToDictionary(e => e.ClrType, e => e.GetTableName()!);
        var bodies = Bodies(assembly).ToList();
        var writes = new Dictionary<(Type Class, string Method), HashSet<string>>();
        foreach (var (owner, name, called) in bodies)
        {
            foreach (var entity in called.SelectMany(WrittenEntities).Where(tables.ContainsKey))
            {
                Of(writes, (owner, name)).Add(tables[entity]);
            }
        }
        // A method that calls a writing method of its own class writes what that one writes.
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (owner, name, called) in bodies)
            {
                foreach (var callee in called.Where(c => c.DeclaringType is { } d && Outermost(d) == owner))
                {
                    if (writes.TryGetValue((owner, SourceName(callee)), out var tablesOfCallee))
                    {
                        var mine = Of(writes, (owner, name));
                        var before = mine.Count;
                        mine.UnionWith(tablesOfCallee);
                        grown |= mine.Count > before;
                    }
                }
            }
        }
        var writers = new Dictionary<string, SortedSet<string>>();
        foreach (var ((owner, name), written) in writes)
        {
            foreach (var table in written)
            {
                if (!writers.TryGetValue(table, out var methods))
                {
                    writers[table] = methods = new SortedSet<string>(StringComparer.Ordinal);
                }
                methods.Add($"{owner.Name}.{name}");
            }
        }
        return writers;
    }

    /// <summary>
    /// How each table is written from outside the class that writes it, as lines
    /// "<c>table ← Caller via Writer.Method</c>"; a writing method that nothing in the assembly calls
    /// but another module can, through an interface of a module's Contracts, has that interface as its caller.
    /// </summary>
    public static SortedSet<string> Entries(Assembly assembly, IModel model)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (table, methods) in Find(assembly, model))
        {
            foreach (var method in methods)
            {
                var (className, methodName) = (method[..method.IndexOf('.', StringComparison.Ordinal)], method[(method.IndexOf('.', StringComparison.Ordinal) + 1)..]);
                var writer = assembly.GetTypes().Single(t => t.Name == className && t.DeclaringType is null);
                var callers = Callers(assembly, writer, methodName);
                if (callers.Count == 0)
                {
                    callers.UnionWith(writer.GetInterfaces()
                        .Where(i => i.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true && i.GetMethods().Any(m => m.Name == methodName))
                        .Select(i => i.Name));
                }
                entries.UnionWith(callers.Select(caller => $"{table} ← {caller} via {method}"));
            }
        }
        return entries;
    }

    /// <summary>The classes of <paramref name="assembly"/>, other than <paramref name="target"/>'s own, that call <paramref name="target"/>'s method <paramref name="method"/>.</summary>
    public static SortedSet<string> Callers(Assembly assembly, Type target, string method) =>
        new(Bodies(assembly)
            .Where(b => b.Owner != target && b.Called.Any(c => c.DeclaringType == target && SourceName(c) == method))
            .Select(b => b.Owner.Name), StringComparer.Ordinal);

    private static HashSet<string> Of(Dictionary<(Type, string), HashSet<string>> writes, (Type, string) key)
    {
        if (!writes.TryGetValue(key, out var set))
        {
            writes[key] = set = [];
        }
        return set;
    }

    /// <summary>Every method body of the assembly: the class that declares it in source, the method's source name, what it calls.</summary>
    private static IEnumerable<(Type Owner, string Method, IReadOnlyList<MethodBase> Called)> Bodies(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything))
        select (Outermost(type), SourceName(method), (IReadOnlyList<MethodBase>)CalledMethods(method).ToList());

    /// <summary>
    /// The name of the method as written in source: a lambda (<c>&lt;Name&gt;b__0_0</c>), local
    /// function (<c>&lt;Name&gt;g__Local|0_0</c>) or async state machine (<c>&lt;Name&gt;d__3.MoveNext</c>)
    /// counts as the method that declares it.
    /// </summary>
    private static string SourceName(MethodBase method)
    {
        static string? Enclosing(string name)
        {
            var inner = name.TrimStart('<');
            return inner.Length < name.Length && inner.IndexOf('>') is > 0 and var end ? inner[..end] : null;
        }
        if (Enclosing(method.Name) is { } fromMethod)
        {
            return fromMethod;
        }
        for (var type = method.DeclaringType; type?.DeclaringType is not null; type = type.DeclaringType)
        {
            if (Enclosing(type.Name) is { Length: > 0 } fromType && !type.Name.StartsWith("<>", StringComparison.Ordinal))
            {
                return fromType;
            }
        }
        return method.Name;
    }

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    /// <summary>The entity types a call to <paramref name="method"/> writes.</summary>
    private static IEnumerable<Type> WrittenEntities(MethodBase method)
    {
        if (method.IsSpecialName && method.Name.StartsWith("set_", StringComparison.Ordinal) && method.DeclaringType is { } declaring)
        {
            yield return declaring;
        }
        if (!WritingMethods.Contains(method.Name))
        {
            yield break;
        }
        var types = (method.IsGenericMethod ? method.GetGenericArguments() : [])
            .Concat(method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : []);
        foreach (var type in types)
        {
            yield return type;
        }
        if (method.DeclaringType is { } host && (typeof(DbContext).IsAssignableFrom(host) || host == typeof(DbContext)))
        {
            // DbContext.Add(object) and friends: the entity's type is only known at run time.
            foreach (var parameter in method.GetParameters().Where(p => !p.ParameterType.IsGenericParameter && p.ParameterType != typeof(object)))
            {
                yield return parameter.ParameterType;
            }
        }
    }

    /// <summary>The methods and constructors whose tokens appear in <paramref name="method"/>'s IL.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var operandSize = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMember(token, typeArguments, methodArguments) as MethodBase;
                }
                catch (ArgumentException)
                {
                    // a field or type token of ldtoken
                }
                if (called is not null)
                {
                    yield return called;
                }
            }
            at += operandSize;
        }
    }
}
