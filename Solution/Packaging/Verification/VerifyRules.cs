namespace LeadQualifyExtensions.Packaging.Verification;

/// <summary>The rule codes verify reports.</summary>
public static class VerifyRules
{
    /// <summary>A mandatory root entry is missing or the zip has folder entries or backslashes.</summary>
    public const string ZipLayout = "ZIP-LAYOUT";

    /// <summary>A part has no content type in [Content_Types].xml.</summary>
    public const string ContentType = "ZIP-CONTENT-TYPE";

    /// <summary>solution.xml is malformed (Managed value, root components).</summary>
    public const string Manifest = "MANIFEST";

    /// <summary>customizations.xml does not validate against CustomizationsSolution.xsd.</summary>
    public const string Schema = "XSD";

    /// <summary>A plug-in type or step's type is not in the packed assembly with the same name and token.</summary>
    public const string PluginType = "PLUGIN-TYPE";

    /// <summary>Filtering attributes on a message other than Update.</summary>
    public const string FilteringAttributes = "STEP-FILTERING";

    /// <summary>An image the message or stage does not support.</summary>
    public const string Image = "STEP-IMAGE";

    /// <summary>An asynchronous step outside post-operation.</summary>
    public const string Async = "STEP-ASYNC";

    /// <summary>The step's message id does not match its message.</summary>
    public const string MessageId = "STEP-MESSAGE";

    /// <summary>The assembly is not net462, not strong-named, too big or missing.</summary>
    public const string Assembly = "ASSEMBLY";

    /// <summary>A step declared in the packed assembly is missing from the zip.</summary>
    public const string MissingStep = "STEP-MISSING";

    /// <summary>The zip's registrations differ from the attributes in the packed assembly.</summary>
    public const string Declaration = "DECLARATION";

    /// <summary>An id changed since the previous build of the same source.</summary>
    public const string IdChanged = "ID-CHANGED";

    /// <summary>solution.xml's MissingDependencies differ from what Solution/dependencies.json gives for the zip's steps.</summary>
    public const string Dependencies = "DEPENDENCIES";

    /// <summary>A web resource whose file, id, type, root component or referenced scripts are wrong.</summary>
    public const string WebResource = "WEBRESOURCE";

    /// <summary>A ribbon rule or action calls a library that is not a packed script, or a function the script does not define.</summary>
    public const string Ribbon = "RIBBON";
}
