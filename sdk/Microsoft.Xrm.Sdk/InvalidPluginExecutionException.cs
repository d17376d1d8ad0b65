using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Thrown by a plug-in to cancel the operation and show <see cref="Exception.Message"/> to the user.
/// Unless given, <see cref="Status"/> is <see cref="OperationStatus.Failed"/>, <see cref="ErrorCode"/> is
/// <see cref="NoErrorCode"/> (0) and <see cref="HttpStatus"/> is <see cref="PluginHttpStatusCode.NotSet"/>.
/// The exception does not carry IsvAborted (0x80040265) itself: the plug-in pipeline puts that code in the fault
/// (observed on Microsoft's SDK, issue 18).
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception, ISerializable
{
    /// <summary>The error code when the caller gives none.</summary>
    internal const int NoErrorCode = 0;

    private static readonly IReadOnlyDictionary<string, string> NoDetails =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public InvalidPluginExecutionException()
        : this(OperationStatus.Failed, NoErrorCode, null, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status)
        : this(status, NoErrorCode, null, PluginHttpStatusCode.NotSet, null, null)
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
        : this(status, NoErrorCode, message, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
        : this(status, NoErrorCode, message, PluginHttpStatusCode.NotSet, exceptionDetails, null)
    {
    }

    public InvalidPluginExecutionException(string message)
        : this(OperationStatus.Failed, NoErrorCode, message, PluginHttpStatusCode.NotSet, null, null)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, NoErrorCode, message, httpStatus, null, null)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
        : this(OperationStatus.Failed, NoErrorCode, message, httpStatus, exceptionDetails, null)
    {
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : this(OperationStatus.Failed, NoErrorCode, message, PluginHttpStatusCode.NotSet, null, exception)
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
