using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Pipeline;

/// <summary>The platform faults the pipeline raises (codes from Microsoft's "Web service error codes" list).</summary>
internal static class PipelineFaults
{
    /// <summary>IsvAborted 0x80040265: a plug-in threw InvalidPluginExecutionException; its message reaches the caller.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>IsvUnExpected 0x80040224: a plug-in threw any other exception.</summary>
    public const int IsvUnexpected = unchecked((int)0x80040224);

    /// <summary>
    /// SdkCorrelationTokenDepthTooHigh 0x80044182 (-2147204734): the platform's infinite-loop guard. Chosen because it is
    /// the code Dataverse's error list gives for "canceled because ... included an infinite loop", the depth guard that
    /// IExecutionContext.Depth documents (maximum depth 8).
    /// </summary>
    public const int DepthTooHigh = unchecked((int)0x80044182);

    /// <summary>The generic text the platform shows for unexpected plug-in exceptions.</summary>
    public const string IsvUnexpectedMessage = "An unexpected error occurred from ISV code.";

    /// <summary>The platform's text for the infinite-loop guard.</summary>
    public const string DepthTooHighMessage =
        "This workflow job was canceled because the workflow that started it included an infinite loop. "
        + "Correct the workflow logic and try again. For information about workflow logic, see Help.";

    /// <summary>Builds FaultException&lt;OrganizationServiceFault&gt; with <paramref name="errorCode"/> and <paramref name="message"/>.</summary>
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, string? traceText = null)
    {
        var fault = new OrganizationServiceFault
        {
            ErrorCode = errorCode,
            Message = message,
            Timestamp = DateTime.UtcNow,
            TraceText = traceText,
        };
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
    }

    /// <summary>
    /// Maps what escaped a plug-in to what the caller sees: faults pass through unchanged (they already carry a platform
    /// code, e.g. from a nested call), InvalidPluginExecutionException becomes IsvAborted with its message unchanged,
    /// anything else becomes the generic IsvUnExpected fault.
    /// </summary>
    public static FaultException<OrganizationServiceFault> FromPluginException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FaultException<OrganizationServiceFault> fault => fault,
            InvalidPluginExecutionException ipee => Create(IsvAborted, ipee.Message),
            _ => Create(IsvUnexpected, IsvUnexpectedMessage, exception.ToString()),
        };
    }
}
