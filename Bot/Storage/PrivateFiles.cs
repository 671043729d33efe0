namespace CrossCoaching.Storage;

/// <summary>
/// The database holds members' names and takeaways: its files are the bot's user's alone. A folder the bot creates
/// is 0700, the database and backup files are created 0600 before SQLite opens them, and SQLite gives its -wal, -shm
/// and -journal files the mode of the database file (https://www.sqlite.org/src/doc/trunk/src/os_unix.c,
/// <c>findCreateFileMode</c>), so the whole set stays private whatever the process's umask. An existing folder is left
/// as the operator made it (it may be a mount point the bot cannot change); existing files are tightened.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm", "-journal"];

    /// <summary>Makes sure <paramref name="databasePath"/> and its companion files exist only for the bot's user.</summary>
    public static void PrepareDatabase(string databasePath)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        if (OperatingSystem.IsWindows())
            return;
        CreateFile(databasePath, failIfExists: false);
        foreach (var suffix in SqliteCompanions)
        {
            if (File.Exists(databasePath + suffix))
                File.SetUnixFileMode(databasePath + suffix, FileMode);
        }
    }

    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, FolderMode);
    }

    /// <summary>Creates an empty file readable by the bot's user only (SQLite treats an empty file as an empty database).</summary>
    public static void CreateFile(string path, bool failIfExists)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (!failIfExists && File.Exists(path))
        {
            // Already there (an existing database): its mode is tightened by the caller.
        }
    }
}
