using System.Text.Json;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Hosting;

/// <summary>
/// The console log's format, chosen by the standard <c>Logging__Console__FormatterName</c>. The line is written by the
/// formatter the console provider picks for its options (a name it does not know falls back to "simple", as the
/// provider does), into a writer rather than the process's shared console.
/// </summary>
public sealed class ConsoleLogFormatTests
{
    private static string LineWith(Dictionary<string, string?> settings, string message)
    {
        using var host = TestHostBuilder.Create(settings).Build();
        var name = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        var formatters = host.Services.GetServices<ConsoleFormatter>().ToList();
        var formatter = formatters.FirstOrDefault(f => f.Name == name) ?? formatters.Single(f => f.Name == ConsoleFormatterNames.Simple);
        using var writer = new StringWriter();
        var entry = new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(LogLevel.Information, "CrossCoaching.Sessions.SessionRunner", new EventId(0), message, null, (s, _) => s);
        formatter.Write(in entry, new LoggerExternalScopeProvider(), writer);
        return writer.ToString();
    }

    [Fact]
    public void Logging__Console__FormatterName_json_writes_each_line_as_a_JSON_object()
    {
        var line = LineWith(new() { ["Logging:Console:FormatterName"] = "json" }, "Session 7 closed: Held");

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("CrossCoaching.Sessions.SessionRunner", json.RootElement.GetProperty("Category").GetString());
        Assert.Equal("Session 7 closed: Held", json.RootElement.GetProperty("Message").GetString());
        Assert.EndsWith("Z", json.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_each_line_is_one_plain_line_with_a_UTC_timestamp()
    {
        var line = LineWith([], "Session 7 closed: Held");

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d info: CrossCoaching\.Sessions\.SessionRunner\[0\] Session 7 closed: Held", line);
    }

    [Fact]
    public void A_formatter_option_from_the_configuration_wins_over_the_bot_s_default()
    {
        var line = LineWith(new() { ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm " }, "hello");

        Assert.Matches(@"^\d\d:\d\d info: ", line);
    }
}
