using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>Reads and mutates solution zips to make broken ones.</summary>
internal static class ZipEditing
{
    public static IReadOnlyDictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static XElement Xml(byte[] zip, string entry) => XDocument.Load(new MemoryStream(Entries(zip)[entry])).Root!;

    public static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> change)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in Entries(zip))
            {
                var changed = change(name, bytes);
                if (changed is null)
                {
                    continue;
                }

                var entry = archive.CreateEntry(name);
                using var stream = entry.Open();
                stream.Write(changed);
            }
        }

        return output.ToArray();
    }

    public static byte[] Remove(byte[] zip, string entry) => Rewrite(zip, (name, bytes) => name == entry ? null : bytes);

    public static byte[] EditXml(byte[] zip, string entry, Action<XElement> edit) =>
        Rewrite(zip, (name, bytes) =>
        {
            if (name != entry)
            {
                return bytes;
            }

            var root = XDocument.Load(new MemoryStream(bytes)).Root!;
            edit(root);
            return Encoding.UTF8.GetBytes(root.ToString());
        });

    public static byte[] EditBytes(byte[] zip, Func<string, bool> which, Func<byte[], byte[]> edit) =>
        Rewrite(zip, (name, bytes) => which(name) ? edit(bytes) : bytes);
}
