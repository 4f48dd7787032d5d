namespace Sharp.Bpf.Elf;

/// <summary>Finds a shared library file by name the way the dynamic linker's default search does for uprobe
/// targets: a path is used as is; a name (<c>c</c>, <c>libc</c>, <c>libc.so.6</c>) is looked up in
/// <c>LD_LIBRARY_PATH</c>, then the multiarch and standard library folders; only ELF files count.</summary>
public static class SharedLibraryLocator
{
    static readonly string[] DefaultFolders =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib",
    ];

    /// <summary>Returns the path of the library <paramref name="nameOrPath"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file, or no library of that name in the searched folders (the message lists them).</exception>
    public static string Locate(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (nameOrPath.Contains('/'))
            return File.Exists(nameOrPath) ? nameOrPath : throw new FileNotFoundException($"no such library: {nameOrPath}", nameOrPath);
        var folders = SearchFolders().ToList();
        var stem = nameOrPath.StartsWith("lib", StringComparison.Ordinal) ? nameOrPath : "lib" + nameOrPath;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var exact = Path.Combine(folder, nameOrPath);
            if (IsElf(exact)) return exact;
            // libc → libc.so, then the lowest versioned libc.so.N (what a program linked against it loads).
            // Development packages often make libc.so a linker script, which is why each candidate must be ELF.
            var plain = Path.Combine(folder, stem.Contains(".so", StringComparison.Ordinal) ? stem : stem + ".so");
            if (IsElf(plain)) return plain;
            var versioned = Directory.EnumerateFiles(folder, Path.GetFileName(plain) + ".*").Order(StringComparer.Ordinal).FirstOrDefault(IsElf);
            if (versioned is not null) return versioned;
        }
        throw new FileNotFoundException($"no library '{nameOrPath}' in {string.Join(", ", folders)}; pass its full path instead", nameOrPath);
    }

    static ReadOnlySpan<byte> ElfMagic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    static bool IsElf(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual(ElfMagic);
    }

    static IEnumerable<string> SearchFolders() =>
        (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(DefaultFolders);
}
