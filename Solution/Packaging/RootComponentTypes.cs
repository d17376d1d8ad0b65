namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// The component type numbers solution.xml lists root components under; the packer writes them and the verifier
/// checks them, so both read them from here (solution-format.md 2.4).
/// </summary>
public static class RootComponentTypes
{
    /// <summary>Plug-in assembly, listed by id and full assembly name.</summary>
    public const int PluginAssembly = 91;

    /// <summary>SDK message processing step, listed by id.</summary>
    public const int Step = 92;

    /// <summary>Entity (table), listed by logical name; ours are shells carrying a ribbon diff.</summary>
    public const int Entity = 1;

    /// <summary>Web resource, listed by name.</summary>
    public const int WebResource = 61;

    /// <summary>Environment variable definition, listed by schema name.</summary>
    public const int EnvironmentVariableDefinition = 380;
}
