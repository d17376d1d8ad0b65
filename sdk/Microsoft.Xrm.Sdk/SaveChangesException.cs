using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Thrown by <see cref="Client.OrganizationServiceContext.SaveChanges()"/> when a request fails and errors do not continue.</summary>
[Serializable]
public sealed class SaveChangesException : Exception
{
    public SaveChangesException()
    {
        Results = null!;
    }

    public SaveChangesException(string message)
        : base(message)
    {
        Results = null!;
    }

    public SaveChangesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Results = null!;
    }

    public SaveChangesException(SaveChangesResultCollection results)
        : this(DefaultMessage, null!, results)
    {
    }

    public SaveChangesException(Exception innerException, SaveChangesResultCollection results)
        : this(DefaultMessage, innerException, results)
    {
    }

    public SaveChangesException(string message, SaveChangesResultCollection results)
        : this(message, null!, results)
    {
    }

    public SaveChangesException(string message, Exception innerException, SaveChangesResultCollection results)
        : base(message, innerException)
    {
        Results = results;
    }

    /// <summary>Gets the results of the save, the failed request last.</summary>
    public SaveChangesResultCollection Results { get; private set; }

    private static string DefaultMessage => "An error occurred while processing this request.";
}
