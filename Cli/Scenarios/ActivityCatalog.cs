using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>Finds a workflow activity class by full or short name in the assemblies the solution imported.</summary>
internal sealed class ActivityCatalog
{
    private readonly IReadOnlyList<Assembly> _assemblies;

    public ActivityCatalog(IReadOnlyList<Assembly> assemblies) => _assemblies = assemblies;

    /// <summary>The assembly and full type name of the activity; a step failure when the solution has none.</summary>
    public (Assembly Assembly, string TypeName) Find(string name)
    {
        foreach (var assembly in _assemblies)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                types = exception.Types.Where(t => t is not null).ToArray()!;
            }

            var type = types.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.Ordinal))
                ?? types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal) && !t.IsAbstract);
            if (type?.FullName is { } fullName)
            {
                return (assembly, fullName);
            }
        }

        throw new StepFailedException($"the imported solution has no activity class '{name}'");
    }
}
