using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Writes a solution zip as the server exports it, byte-identical for identical input.</summary>
public static class DeterministicZip
{
    /// <summary>The timestamp of every entry, so that the bytes depend only on the content.</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Name of the content-types part.</summary>
    public const string ContentTypesName = "[Content_Types].xml";

    /// <summary>
    /// Zips <paramref name="entries"/> in order (Deflate, forward slashes, no folder entries) and appends
    /// [Content_Types].xml with one Default per extension and one Override per extension-less part.
    /// </summary>
    public static byte[] Create(IReadOnlyList<(string Path, byte[] Bytes)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries.Append((ContentTypesName, ContentTypes(entries.Select(e => e.Path)))))
            {
                var entry = archive.CreateEntry(path.Replace('\\', '/'), CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var target = entry.Open();
                target.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The content-types part for the given part names, in the one-line form with BOM that exports use.</summary>
    public static byte[] ContentTypes(IEnumerable<string> partNames)
    {
        ArgumentNullException.ThrowIfNull(partNames);
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        var extensions = new List<string>();
        var overrides = new List<string>();
        foreach (var part in partNames)
        {
            var name = part[(part.LastIndexOf('/') + 1)..];
            var dot = name.LastIndexOf('.');
            if (dot < 0)
            {
                overrides.Add("/" + part);
            }
            else
            {
#pragma warning disable CA1308 // OPC extensions are written in lower case; this is not a comparison.
                var extension = name[(dot + 1)..].ToLowerInvariant();
#pragma warning restore CA1308
                if (!extensions.Contains(extension, StringComparer.Ordinal))
                {
                    extensions.Add(extension);
                }
            }
        }

        foreach (var extension in extensions)
        {
            text.Append("<Default Extension=\"").Append(extension).Append("\" ContentType=\"application/octet-stream\" />");
        }

        foreach (var part in overrides)
        {
            text.Append("<Override PartName=\"").Append(part).Append("\" ContentType=\"application/octet-stream\" />");
        }

        text.Append("</Types>");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
