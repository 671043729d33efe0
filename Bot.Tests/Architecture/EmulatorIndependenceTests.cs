using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.Architecture;

/// <summary>
/// The emulator is a second, independent reading of Discord's documentation: were it to reuse the bot's wire code, a
/// misreading would agree with itself and every end-to-end test would pass. It borrows the id type only.
/// </summary>
public sealed class EmulatorIndependenceTests
{
    [Fact]
    public void The_emulator_uses_nothing_of_the_bot_but_its_id_type()
    {
        var botAssembly = typeof(Program).Assembly.GetName().Name;
        using var file = File.OpenRead(typeof(DiscordEmulator).Assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();

        var borrowed = metadata.TypeReferences
            .Select(metadata.GetTypeReference)
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name) == botAssembly)
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(["CrossCoaching.Discord.Snowflake"], borrowed);
    }
}
