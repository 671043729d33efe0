namespace CrossCoaching.Tests.Fakes;

/// <summary>A fresh folder under the system temp directory, deleted with its content on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crosscoaching-tests", Guid.NewGuid().ToString("N"));

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the OS temp cleaner takes it.
        }
    }
}
