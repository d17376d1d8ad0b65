using System;
using LeadQualifyExtensions.Emulator.Query;

namespace LeadQualifyExtensions.Emulator;

/// <summary>The emulator's controllable clock (UTC). Starts at a fixed instant so tests are reproducible.</summary>
public sealed class EmulatorClock
{
    /// <summary>The instant every new emulator starts at.</summary>
    public static readonly DateTime DefaultStart = new(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The current emulator time (UTC).</summary>
    public DateTime UtcNow { get; private set; } = DefaultStart;

    /// <summary>Sets the clock; local and unspecified times are taken as UTC-converted / UTC.</summary>
    public void Set(DateTime utcNow) => UtcNow = QueryValues.ToUtc(utcNow);

    /// <summary>Moves the clock forward (or back, for a negative span).</summary>
    public void Advance(TimeSpan by) => UtcNow = UtcNow.Add(by);
}
