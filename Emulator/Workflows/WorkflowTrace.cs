using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Workflows;

/// <summary>The ITracingService of one activity run: keeps every line, formatted with the invariant culture.</summary>
public sealed class WorkflowTrace : ITracingService
{
    private readonly List<string> _lines = [];

    /// <summary>The lines written so far, oldest first.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>All lines joined by new lines (handy in assertion messages).</summary>
    public string Text => string.Join("\n", _lines);

    /// <inheritdoc />
    public void Trace(string format, params object[] args) =>
        _lines.Add(args is null || args.Length == 0 ? format ?? string.Empty : string.Format(CultureInfo.InvariantCulture, format, args));
}
