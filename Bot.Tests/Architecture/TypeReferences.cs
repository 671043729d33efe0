using System.Reflection;
using System.Reflection.Emit;

namespace CrossCoaching.Tests.Architecture;

/// <summary>
/// The types each type of an assembly uses, read from the compiled code: signatures, base types, attributes and every
/// type, method or field token in the method bodies. Compiled code rather than source text, so an unused <c>using</c>
/// counts for nothing and a fully qualified name counts like any other. What the compiler copies in place (constants,
/// <c>nameof</c>) leaves no trace and is not seen. Compiler-generated types (lambdas, async state machines) count for
/// the type that declares them.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// Pairs (user, used) of outermost types of <paramref name="assembly"/> in namespace <paramref name="root"/> or
    /// below. What the compiler or a source generator adds outside it (anonymous types, the Regex generator's helpers)
    /// is left out.
    /// </summary>
    public static IReadOnlySet<(Type User, Type Used)> Within(Assembly assembly, string root)
    {
        bool Ours(Type type) => type.Assembly == assembly && type.Namespace is { } space && (space == root || space.StartsWith(root + ".", StringComparison.Ordinal));
        var edges = new HashSet<(Type, Type)>();
        foreach (var type in assembly.GetTypes().Where(t => Ours(Outermost(t))))
        {
            var user = Outermost(type);
            foreach (var used in UsedBy(type).SelectMany(Expand).Select(Outermost).Where(Ours))
            {
                if (used != user)
                    edges.Add((user, used));
            }
        }
        return edges;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private static IEnumerable<Type> UsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var item in type.GetInterfaces())
            yield return item;
        foreach (var attribute in type.GetCustomAttributesData())
            yield return attribute.AttributeType;
        foreach (var field in type.GetFields(Declared))
            yield return field.FieldType;
        foreach (var property in type.GetProperties(Declared))
            yield return property.PropertyType;
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
                yield return info.ReturnType;
            foreach (var parameter in method.GetParameters())
                yield return parameter.ParameterType;
            foreach (var used in InBody(type, method))
                yield return used;
        }
    }

    private static IEnumerable<Type> InBody(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = type.IsGenericTypeDefinition ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                if (member is Type used)
                    yield return used;
                else if (member?.DeclaringType is { } owner)
                    yield return owner;
                if (member is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                        yield return argument;
                }
            }
            at += OperandSize(opCode.OperandType, il, at);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>A type and what it is made of: generic arguments, element types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.IsGenericParameter)
            yield break;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
                yield return inner;
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
                yield return inner;
        }
    }
}
