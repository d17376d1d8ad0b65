using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace LeadQualifyExtensions.Packaging;

/// <summary>One entry of a zip read by <see cref="SafeZip"/>: its name as stored and its bytes (empty for a folder entry).</summary>
internal sealed record ZipPart(string FullName, byte[] Bytes)
{
    /// <summary>Whether the entry is a folder ("name/").</summary>
    public bool IsFolder => FullName.EndsWith('/');
}

/// <summary>
/// The one way a zip from outside is read: bounded entry count, bounded size per entry and in total, and a bounded
/// compression ratio, counted on the bytes actually inflated (headers may lie), so a small zip that expands to
/// gigabytes is refused after at most a few megabytes. A solution holds a handful of XML files and two DLLs; the limits
/// leave room for the platform's own (16 MB per plug-in assembly) and nothing like a bomb.
/// Compiled into the packer and (linked) into the emulator.
/// </summary>
internal static class SafeZip
{
    /// <summary>Largest zip file read, in bytes.</summary>
    public const long MaxZipBytes = 64L * 1024 * 1024;

    /// <summary>Most entries read.</summary>
    public const int MaxEntries = 1000;

    /// <summary>Largest entry once inflated, in bytes.</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;

    /// <summary>Largest sum of the inflated entries, in bytes.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Highest ratio of inflated to compressed size, checked once an entry has inflated past <see cref="RatioFloorBytes"/>.</summary>
    public const int MaxRatio = 100;

    /// <summary>Below this size an entry may compress as well as it likes (small XML files do).</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>The bytes of the file at <paramref name="path"/>, refused (InvalidDataException) above <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadFile(string path, long maxBytes = MaxZipBytes)
    {
        using var file = File.OpenRead(path);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                // Counted while reading: /dev/zero and pipes report no length.
                throw new InvalidDataException(Format("'{0}' is larger than {1}; refused.", InputQuote.Prefix(path, 200), Size(maxBytes)));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Every entry of the zip in <paramref name="zip"/>, in zip order; InvalidDataException when it is not a zip or breaks a bound.</summary>
    public static IReadOnlyList<ZipPart> Read(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var stream = new MemoryStream(zip, writable: false);
        return Read(stream);
    }

    /// <summary>Every entry of the zip in <paramref name="zip"/> (left open), in zip order.</summary>
    public static IReadOnlyList<ZipPart> Read(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > MaxEntries)
        {
            throw new InvalidDataException(Format("The zip has {0} entries; at most {1} are read.", archive.Entries.Count, MaxEntries));
        }

        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (entry.Length > MaxEntryBytes || declared > MaxTotalBytes)
            {
                throw TooLarge(entry.FullName);
            }
        }

        var parts = new List<ZipPart>(archive.Entries.Count);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var bytes = Inflate(entry, ref total);
            parts.Add(new ZipPart(entry.FullName, bytes));
        }

        return parts;
    }

    private static byte[] Inflate(ZipArchiveEntry entry, ref long total)
    {
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            total += read;
            if (buffer.Length > MaxEntryBytes || total > MaxTotalBytes)
            {
                throw TooLarge(entry.FullName);
            }

            if (buffer.Length > RatioFloorBytes && buffer.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new InvalidDataException(Format(
                    "Entry '{0}' inflates to more than {1} times its compressed size; a solution zip has no such entry (a zip bomb?).",
                    InputQuote.Prefix(entry.FullName), MaxRatio));
            }
        }

        return buffer.ToArray();
    }

    private static InvalidDataException TooLarge(string entryName) => new(Format(
        "Entry '{0}' makes the zip inflate to more than {1} per entry or {2} in total; refused.",
        InputQuote.Prefix(entryName), Size(MaxEntryBytes), Size(MaxTotalBytes)));

    private static string Size(long bytes) => Format("{0} MB", bytes / (1024 * 1024));

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
