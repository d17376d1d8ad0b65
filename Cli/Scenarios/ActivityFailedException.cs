using System;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>A workflow activity ended with an exception (its writes were rolled back).</summary>
public sealed class ActivityFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message)
        : base(message)
    {
    }
}
