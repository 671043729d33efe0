using CrossCoaching.Benchmarks;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>The benchmarks measure the bot as published for the platform, published again when the build moved on.</summary>
public sealed class BotBuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crosscoaching-botbuild-").FullName;

    private string Built => Path.Combine(_folder, "build.dll");

    private string Published => Path.Combine(_folder, "publish.dll");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_bot_never_published_is_published_first()
    {
        File.WriteAllText(Built, "");

        Assert.True(BotBuild.IsStale(Published, Built));
    }

    [Fact]
    public void A_build_newer_than_the_published_bot_is_published_again()
    {
        Write(Published, new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc));
        Write(Built, new DateTime(2026, 12, 7, 1, 5, 0, DateTimeKind.Utc));

        Assert.True(BotBuild.IsStale(Published, Built));
    }

    [Fact]
    public void A_published_bot_newer_than_the_build_is_run_as_it_is()
    {
        Write(Built, new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc));
        Write(Published, new DateTime(2026, 12, 7, 1, 5, 0, DateTimeKind.Utc));

        Assert.False(BotBuild.IsStale(Published, Built));
    }

    private static void Write(string path, DateTime writtenAt)
    {
        File.WriteAllText(path, "");
        File.SetLastWriteTimeUtc(path, writtenAt);
    }
}
