using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Zips built to hurt: bombs, traversal names, lying headers, DTDs in solution files.</summary>
internal static class HostileZips
{
    /// <summary>A billion-laughs DTD: ten levels of ten references, about 10^9 "lol"s once expanded.</summary>
    public static string BillionLaughs(string rootElement, string body)
    {
        var builder = new StringBuilder($"<?xml version=\"1.0\"?>\n<!DOCTYPE {rootElement} [\n  <!ENTITY lol0 \"lol\">\n");
        for (var level = 1; level <= 9; level++)
        {
            var references = string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10));
            builder.Append(CultureInfo.InvariantCulture, $"  <!ENTITY lol{level} \"{references}\">\n");
        }

        return builder.Append("]>\n").Append(body).ToString();
    }

    /// <summary>A zip of the given entries (name, bytes), compressed.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary><paramref name="zip"/> with one entry replaced (or added) by <paramref name="bytes"/>.</summary>
    public static byte[] WithEntry(byte[] zip, string name, byte[] bytes) =>
        Zip(Entries(zip).Where(e => e.Name != name).Append((name, bytes)));

    /// <summary><paramref name="zip"/> with one entry's text edited.</summary>
    public static byte[] WithText(byte[] zip, string name, Func<string, string> edit)
    {
        var original = Encoding.UTF8.GetString(Entries(zip).Single(e => e.Name == name).Bytes);
        return WithEntry(zip, name, Encoding.UTF8.GetBytes(edit(original)));
    }

    /// <summary>The entries of a zip this class made (trusted).</summary>
    public static List<(string Name, byte[] Bytes)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    /// <summary>
    /// <paramref name="zip"/> whose central directory claims every entry inflates to <paramref name="claimedBytes"/>:
    /// the reader must refuse on the claim, before inflating anything.
    /// </summary>
    public static byte[] ClaimingSize(byte[] zip, uint claimedBytes)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), claimedBytes); // uncompressed size
            }
        }

        return bytes;
    }
}
