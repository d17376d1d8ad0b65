namespace LeadQualifyExtensions.Plugins;

/// <summary>Trace lines that tests assert on.</summary>
public static class TraceTexts
{
    /// <summary>The executing step is not one the class declares.</summary>
    public const string NoMatchingStep = "Skipped: no matching step declared for this message, table, stage and mode.";
}
