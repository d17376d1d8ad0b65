using System;
using System.Globalization;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// The ids of the solution's components, derived from stable names so that every build of the same source gives
/// the same ids and a re-import upgrades the components in place instead of duplicating them.
/// </summary>
public static class ComponentIds
{
    /// <summary>The namespace of every id this solution generates. Never change it: every id would change.</summary>
    public static readonly Guid Namespace = new("65c8def0-9a2a-4631-9062-c4fbd3a426d0");

    /// <summary>The plug-in assembly id, from the assembly's simple name (not its version, so upgrades keep it).</summary>
    public static Guid Assembly(string simpleName) => NameBasedGuid.Create(Namespace, "assembly:" + simpleName);

    /// <summary>The plug-in type id, from the type's full name.</summary>
    public static Guid PluginType(string typeFullName) => NameBasedGuid.Create(Namespace, "plugintype:" + typeFullName);

    /// <summary>The step id, from everything that identifies one registration of a type.</summary>
    public static Guid Step(string typeFullName, string message, string primaryEntity, int stage, int mode, int rank) =>
        NameBasedGuid.Create(
            Namespace,
            string.Create(CultureInfo.InvariantCulture, $"step:{typeFullName}|{message}|{primaryEntity}|{stage}|{mode}|{rank}"));

    /// <summary>The web resource id, from its name.</summary>
    public static Guid WebResource(string name) => NameBasedGuid.Create(Namespace, "webresource:" + name);

    /// <summary>The image id, from its step and its alias.</summary>
    public static Guid Image(Guid stepId, string alias) =>
        NameBasedGuid.Create(Namespace, "image:" + stepId.ToString("D", CultureInfo.InvariantCulture) + "|" + alias);
}
