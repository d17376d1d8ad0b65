using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A message sent to <see cref="IOrganizationService.Execute(OrganizationRequest)"/>: a request name and a
/// parameter bag. Typed request classes store their properties in <see cref="Parameters"/>.
/// </summary>
[DataContract(Name = "OrganizationRequest", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection _parameters = new();

    public OrganizationRequest()
    {
    }

    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    /// <summary>Gets or sets the request parameters.</summary>
    [DataMember]
    public ParameterCollection Parameters
    {
        get => _parameters ??= new ParameterCollection();
        set => _parameters = value;
    }

    [DataMember]
    public Guid? RequestId { get; set; }

    /// <summary>Gets or sets the message name, for example <c>Create</c>.</summary>
    [DataMember]
    public string RequestName { get; set; } = null!;

    /// <summary>Gets or sets a parameter; getting a missing parameter throws <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
    /// <param name="parameterName">The parameter name.</param>
    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }
}
