using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Thrown by a plug-in to cancel the operation and show <see cref="Exception.Message"/> to the user.
/// Unless given, <see cref="Status"/> is <see cref="OperationStatus.Failed"/>, <see cref="ErrorCode"/> is
/// <see cref="DefaultErrorCode"/> (0x80040265, "ISV code aborted the operation") and
/// <see cref="HttpStatus"/> is <see cref="PluginHttpStatusCode.NotSet"/>.
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception, ISerializable
{
    /// <summary>The Dataverse error code reported for a plug-in that aborted the operation (0x80040265).</summary>
    internal const int DefaultErrorCode = unchecked((int)0x80040265);

    private static readonly IReadOnlyDictionary<string, string> NoDetails =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public InvalidPluginExecutionException()
        : this(OperationStatus.Failed, DefaultErrorCode, null, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status)
        : this(status, DefaultErrorCode, null, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : this(status, errorCode, message, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : this(status, errorCode, message, httpStatus, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : this(status, DefaultErrorCode, message, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
        : this(status, DefaultErrorCode, message, PluginHttpStatusCode.NotSet, exceptionDetails, null)
    {
    }

    public InvalidPluginExecutionException(string message)
        : this(OperationStatus.Failed, DefaultErrorCode, message, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, DefaultErrorCode, message, httpStatus, null, null)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
        : this(OperationStatus.Failed, DefaultErrorCode, message, httpStatus, exceptionDetails, null)
    {
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : this(OperationStatus.Failed, DefaultErrorCode, message, PluginHttpStatusCode.NotSet, null, exception)
    {
    }

    private InvalidPluginExecutionException(
        OperationStatus status,
        int errorCode,
        string? message,
        PluginHttpStatusCode httpStatus,
        Dictionary<string, string>? exceptionDetails,
        Exception? inner)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
        ExceptionDetails = exceptionDetails is null
            ? NoDetails
            : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(exceptionDetails));
    }

    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
        : base(info, context)
    {
        Status = (OperationStatus)info.GetInt32(nameof(Status));
        ErrorCode = info.GetInt32(nameof(ErrorCode));
        HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        ExceptionDetails = NoDetails;
    }

    /// <summary>Gets the numeric code that identifies the error.</summary>
    public int ErrorCode { get; }

    /// <summary>Gets additional details about the error.</summary>
    public IReadOnlyDictionary<string, string> ExceptionDetails { get; }

    /// <summary>Gets the HTTP status reported to Web API callers.</summary>
    public PluginHttpStatusCode HttpStatus { get; }

    /// <summary>Gets the status of the operation.</summary>
    public OperationStatus Status { get; }

    /// <inheritdoc/>
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        base.GetObjectData(info, context);
        info.AddValue(nameof(Status), (int)Status);
        info.AddValue(nameof(ErrorCode), ErrorCode);
        info.AddValue(nameof(HttpStatus), (int)HttpStatus);
    }
}
