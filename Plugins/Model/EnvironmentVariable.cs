namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>The environmentvariabledefinition table: one row per variable, with its default value.</summary>
public static class EnvironmentVariableDefinition
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "environmentvariabledefinition";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string DefinitionId = "environmentvariabledefinitionid";

        /// <summary>Schema name, e.g. lqx_LeadQualificationPolicy.</summary>
        public const string SchemaName = "schemaname";

        /// <summary>The value used when the environment has no value row.</summary>
        public const string DefaultValue = "defaultvalue";
    }
}

/// <summary>The environmentvariablevalue table: the environment's value of one definition.</summary>
public static class EnvironmentVariableValue
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "environmentvariablevalue";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>The definition this value belongs to.</summary>
        public const string DefinitionId = "environmentvariabledefinitionid";

        /// <summary>The value; overrides the definition's default.</summary>
        public const string Value = "value";
    }
}

/// <summary>Schema names of the environment variables our solution ships.</summary>
public static class EnvironmentVariableNames
{
    /// <summary>The JSON lead qualification policy.</summary>
    public const string LeadQualificationPolicy = "lqx_LeadQualificationPolicy";
}
