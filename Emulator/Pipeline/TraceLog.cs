using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>One line of the plug-in trace log.</summary>
/// <param name="Time">Emulator clock when the line was written.</param>
/// <param name="CorrelationId">Correlation id of the call tree.</param>
/// <param name="StepId">Step id.</param>
/// <param name="Step">Step name.</param>
/// <param name="Message">Message name.</param>
/// <param name="PrimaryEntity">Primary entity logical name.</param>
/// <param name="Stage">Stage (10, 20, 40).</param>
/// <param name="Mode">0 synchronous, 1 asynchronous.</param>
/// <param name="Depth">Context depth.</param>
/// <param name="Text">The formatted text (or, for an unhandled exception, the exception).</param>
/// <param name="IsException">True when the pipeline wrote the line for an exception the plug-in did not handle.</param>
public sealed record TraceEntry(
    DateTime Time, Guid CorrelationId, Guid StepId, string Step, string Message, string PrimaryEntity, int Stage, int Mode, int Depth,
    string Text, bool IsException);

/// <summary>
/// The emulator's plug-in trace log (plugintracelog): the ITracingService lines of every execution, the newest
/// <see cref="Capacity"/> of them (a long run does not grow without end; the platform deletes old trace logs too).
/// </summary>
public sealed class TraceLog
{
    /// <summary>The default number of lines kept.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly object _gate = new();
    private int _capacity = DefaultCapacity;

    // A ring: _count lines, the oldest at _start; it grows by doubling up to the capacity, then overwrites the oldest line.
    private TraceEntry[] _ring = [];
    private int _start;
    private int _count;

    /// <summary>Lines kept; when full, each new line replaces the oldest.</summary>
    public int Capacity
    {
        get => _capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate)
            {
                var kept = Snapshot();
                _capacity = value;
                _ring = kept.Length > value ? kept[^value..] : kept;
                _start = 0;
                _count = _ring.Length;
            }
        }
    }

    /// <summary>All lines, oldest first.</summary>
    public IReadOnlyList<TraceEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>All texts joined by new lines (handy in assertion messages).</summary>
    public string Text => string.Join(Environment.NewLine, Entries.Select(e => e.Text));

    /// <summary>Lines written by one step (by step name).</summary>
    public IReadOnlyList<TraceEntry> ForStep(string stepName) =>
        Entries.Where(e => string.Equals(e.Step, stepName, StringComparison.Ordinal)).ToArray();

    /// <summary>Lines written by one step (by step id).</summary>
    public IReadOnlyList<TraceEntry> ForStep(Guid stepId) => Entries.Where(e => e.StepId == stepId).ToArray();

    /// <summary>Forgets every line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _ring = [];
            _start = 0;
            _count = 0;
        }
    }

    internal void Add(TraceEntry entry)
    {
        lock (_gate)
        {
            if (_count == _capacity)
            {
                // Full: the newest line takes the oldest one's place.
                _ring[_start] = entry;
                _start = (_start + 1) % _ring.Length;
                return;
            }

            if (_count == _ring.Length)
            {
                var grown = new TraceEntry[Math.Min(_capacity, Math.Max(16, _ring.Length * 2))];
                Snapshot().CopyTo(grown, 0);
                _ring = grown;
                _start = 0;
            }

            _ring[(_start + _count) % _ring.Length] = entry;
            _count++;
        }
    }

    // The lines oldest first; the caller holds the gate.
    private TraceEntry[] Snapshot()
    {
        var lines = new TraceEntry[_count];
        for (var i = 0; i < _count; i++)
        {
            lines[i] = _ring[(_start + i) % _ring.Length];
        }

        return lines;
    }
}

/// <summary>The ITracingService a plug-in gets: writes into the <see cref="TraceLog"/> tagged with its step.</summary>
internal sealed class StepTracingService(TraceLog log, Guid stepId, string stepName, IPluginExecutionContext context, IPipelineHost host)
    : ITracingService
{
    public void Trace(string format, params object[] args)
    {
        var text = args is null || args.Length == 0 ? format ?? string.Empty : string.Format(CultureInfo.InvariantCulture, format, args);
        log.Add(Entry(text, isException: false));
    }

    internal void TraceException(Exception exception) => log.Add(Entry(exception.ToString(), isException: true));

    private TraceEntry Entry(string text, bool isException) => new(
        host.UtcNow, context.CorrelationId, stepId, stepName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode,
        context.Depth, text, isException);
}
