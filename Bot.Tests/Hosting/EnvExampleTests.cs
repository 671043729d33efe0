using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Hosting;

/// <summary>deploy/crosscoaching.env.example is the operator's list of settings: it must name every key the bot binds.</summary>
public sealed partial class EnvExampleTests
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "crosscoaching.env.example")));

    /// <summary>Every options class bound from a configuration section (a <c>Section</c> constant), present and future.</summary>
    public static TheoryData<string, string> BoundKeys()
    {
        var data = new TheoryData<string, string>();
        var optionTypes = typeof(DiscordOptions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
        foreach (var type in optionTypes)
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            var defaults = Activator.CreateInstance(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                data.Add($"{section}__{property.Name}", Convert.ToString(property.GetValue(defaults), CultureInfo.InvariantCulture) ?? "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BoundKeys))]
    public void Every_bound_option_is_listed_with_its_default(string key, string defaultValue)
    {
        var line = Assert.Single(Lines.Value, l => Setting().Match(l) is { Success: true } m && m.Groups["key"].Value == key);

        Assert.Equal(defaultValue, Setting().Match(line).Groups["value"].Value);
    }

    [Theory]
    [InlineData("ConnectionStrings__CrossCoaching")]
    [InlineData("Logging__LogLevel__Default")]
    public void The_keys_read_outside_the_options_classes_are_listed_too(string key)
    {
        Assert.Contains(Lines.Value, l => Setting().Match(l) is { Success: true } m && m.Groups["key"].Value == key);
    }

    [Fact]
    public void Every_listed_key_says_what_it_means_on_the_line_above_or_in_its_group()
    {
        var settings = Lines.Value.Select((l, i) => (Line: l, Index: i)).Where(x => Setting().IsMatch(x.Line)).ToList();

        Assert.All(settings, s => Assert.True(s.Index > 0 && Lines.Value[s.Index - 1].StartsWith('#'), $"no comment above {s.Line}"));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrossCoaching.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No CrossCoaching.sln above {AppContext.BaseDirectory}.");
    }

    // "# Sessions__GraceMinutes=5": a commented-out setting and its default.
    [GeneratedRegex(@"^#\s?(?<key>[A-Za-z]+(?:__[A-Za-z]+)+)=(?<value>.*)$")]
    private static partial Regex Setting();
}
