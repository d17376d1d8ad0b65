using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>Marks an assembly that contains early-bound entity classes.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProxyTypesAssemblyAttribute : Attribute
{
}
