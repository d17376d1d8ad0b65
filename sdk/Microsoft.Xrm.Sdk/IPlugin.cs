namespace Microsoft.Xrm.Sdk;

/// <summary>A plug-in: custom code Dataverse runs for a registered message step.</summary>
public interface IPlugin
{
    void Execute(System.IServiceProvider serviceProvider);
}
