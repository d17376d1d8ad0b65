using System;

namespace LeadQualifyExtensions.Cli.Deploy;

/// <summary>A deployment step that cannot go on: what to tell the administrator and the exit code that says which step.</summary>
public sealed class DeployException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeployException(int exitCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates an exception with the generic failure code.</summary>
    public DeployException()
        : this(DeployExit.Failed, "The deployment failed.")
    {
    }

    /// <summary>Creates an exception with the generic failure code.</summary>
    public DeployException(string message)
        : this(DeployExit.Failed, message)
    {
    }

    /// <summary>Creates an exception with the generic failure code.</summary>
    public DeployException(string message, Exception inner)
        : this(DeployExit.Failed, message, inner)
    {
    }

    /// <summary>One of <see cref="DeployExit"/>.</summary>
    public int ExitCode { get; }
}
