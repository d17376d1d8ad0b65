// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>SetProcess</c> message. Sets the active business process flow of a record.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class SetProcessRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>SetProcess</c>.</summary>
    public SetProcessRequest()
    {
        RequestName = "SetProcess";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
        NewProcess = null;
    }

    /// <summary>Gets or sets the <c>NewProcess</c> parameter.</summary>
    public EntityReference NewProcess
    {
        get => Parameters.Contains("NewProcess") ? (EntityReference)Parameters["NewProcess"] : default;
        set => Parameters["NewProcess"] = value;
    }

    /// <summary>Gets or sets the <c>NewProcessInstance</c> parameter.</summary>
    public EntityReference NewProcessInstance
    {
        get => Parameters.Contains("NewProcessInstance") ? (EntityReference)Parameters["NewProcessInstance"] : default;
        set => Parameters["NewProcessInstance"] = value;
    }

    /// <summary>Gets or sets the <c>Target</c> parameter.</summary>
    public EntityReference Target
    {
        get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }
}
