using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The result of an organization request: a response name and a result bag.</summary>
[DataContract(Name = "OrganizationResponse", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results = new();

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public string? ResponseName { get; set; }

    /// <summary>Gets or sets the response results.</summary>
    [DataMember]
    public ParameterCollection Results
    {
        get => _results ??= new ParameterCollection();
        set => _results = value;
    }

    /// <summary>Gets or sets a result; getting a missing result throws <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
    /// <param name="parameterName">The result name.</param>
    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }
}
