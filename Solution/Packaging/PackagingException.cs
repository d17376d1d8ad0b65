using System;

namespace LeadQualifyExtensions.Packaging;

/// <summary>The solution cannot be packed from the given inputs; the message says what to fix.</summary>
public sealed class PackagingException : Exception
{
    /// <summary>Creates the exception with a message saying what to fix.</summary>
    public PackagingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PackagingException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public PackagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
