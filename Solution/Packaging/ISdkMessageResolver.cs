using System;
using System.Threading;
using System.Threading.Tasks;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Looks up an SDK message id by name in a target environment (its sdkmessage table).</summary>
public interface ISdkMessageResolver
{
    /// <summary>The id of the message named <paramref name="messageName"/>, or null when the environment has none.</summary>
    Task<Guid?> ResolveAsync(string messageName, CancellationToken cancellationToken = default);
}
