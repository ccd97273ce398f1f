using System.Reflection;

namespace TradingActors.Tests.PublicApi;

/// <summary>
/// The public surface of what ships (the engine and its TestKit) is pinned in a file beside this spec: it changes
/// only on purpose. After such a change, run the specs with UPDATE_PUBLIC_API=1 to write the new surface, and
/// read the file's diff in the commit.
/// </summary>
public sealed class PublicApiSpecs
{
    public static TheoryData<string> Shipped => ["TradingActors", "TradingActors.TestKit"];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_public_surface_is_the_one_pinned_in_its_file(string assembly)
    {
        var file = Path.Combine(Repository.Root, "tests", "TradingActors.Tests", "PublicApi", $"{assembly}.txt");
        var surface = Surface(Assembly.Load(assembly));
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
            File.WriteAllText(file, surface);

        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), surface);
    }

    private static string Surface(Assembly assembly) => string.Concat(assembly.GetExportedTypes()
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => $"{Kind(type)} {type.FullName}\n" + string.Concat(Members(type).Select(member => $"  {member}\n"))));

    private static IEnumerable<string> Members(Type type) => type
        .GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .Where(IsVisible)
        .Select(member => $"{member.MemberType} {member}")
        .Order(StringComparer.Ordinal);

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetMethod is { } get && IsVisible(get) || property.SetMethod is { } set && IsVisible(set),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    private static string Kind(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsInterface: true } => "interface",
        { IsValueType: true } => "struct",
        _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
        _ => "class",
    };
}
