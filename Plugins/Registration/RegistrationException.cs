using System;

namespace LeadQualifyExtensions.Plugins.Registration;

/// <summary>
/// The running step does not supply what the plug-in's registration promises (an image, a target, a column).
/// It signals a deployment mistake, not a user error, so the base class reports it as an unexpected error.
/// </summary>
public sealed class RegistrationException : Exception
{
    /// <summary>Creates the exception with a message naming what is missing.</summary>
    public RegistrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegistrationException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public RegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
