using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using LeadQualifyExtensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>"Nothing was written": every row with every value, every registered step, every file, before and after.</summary>
internal static class Snapshots
{
    /// <summary>One line per row of every table (all columns, values in a stable text form) and one per registered step.</summary>
    public static List<string> Of(XrmEmulator emulator)
    {
        // The pipeline seeds its SYSTEM user when first touched: touch it before reading rows.
        var steps = emulator.Plugins.Steps.Select(s => $"step {s.Step.Id} {s.Step.Message} {s.Step.Stage}").Order(StringComparer.Ordinal).ToList();
        var lines = new List<string>();
        foreach (var table in emulator.Schema.Tables.Select(t => t.LogicalName).Order(StringComparer.Ordinal))
        {
            foreach (var row in emulator.All(table).OrderBy(r => r.Id))
            {
                var values = row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Text(a.Value));
                lines.Add($"{table} {row.Id}: {string.Join("; ", values)}");
            }
        }

        lines.AddRange(steps);
        return lines;
    }

    /// <summary>Every file under <paramref name="folder"/> with its SHA-256.</summary>
    public static List<string> Of(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();

    private static string Text(object? value) => value switch
    {
        null => "null",
        EntityReference reference => $"{reference.LogicalName}:{reference.Id}",
        Money money => money.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValueCollection options => string.Join(",", options.Select(o => o.Value)),
        DateTime date => date.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
