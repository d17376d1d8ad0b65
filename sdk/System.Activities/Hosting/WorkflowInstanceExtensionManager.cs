using System.Collections.Generic;

namespace System.Activities.Hosting;

/// <summary>Host-supplied services that activities reach through <see cref="ActivityContext.GetExtension{T}"/> (stand-in).</summary>
public class WorkflowInstanceExtensionManager
{
    private readonly List<object> _singletons = [];
    private readonly List<Func<object>> _factories = [];
    private bool _isReadOnly;

    /// <summary>Adds an extension instance shared by every run.</summary>
    /// <param name="singletonExtension">The extension, e.g. an IWorkflowContext or IOrganizationServiceFactory.</param>
    public virtual void Add(object singletonExtension)
    {
        if (singletonExtension is null)
        {
            throw new ArgumentNullException(nameof(singletonExtension));
        }

        ThrowIfReadOnly();
        _singletons.Add(singletonExtension);
    }

    /// <summary>Adds a factory that creates a fresh extension for each run.</summary>
    /// <typeparam name="T">Extension type.</typeparam>
    /// <param name="extensionCreationFunction">The factory.</param>
    public virtual void Add<T>(Func<T> extensionCreationFunction)
        where T : class
    {
        if (extensionCreationFunction is null)
        {
            throw new ArgumentNullException(nameof(extensionCreationFunction));
        }

        ThrowIfReadOnly();
        _factories.Add(() => extensionCreationFunction());
    }

    /// <summary>Prevents further additions.</summary>
    public void MakeReadOnly() => _isReadOnly = true;

    /// <summary>Singletons first, then one instance from each factory, in registration order.</summary>
    internal List<object> CreateExtensionsForRun()
    {
        var extensions = new List<object>(_singletons);
        foreach (var factory in _factories)
        {
            extensions.Add(factory());
        }

        return extensions;
    }

    private void ThrowIfReadOnly()
    {
        if (_isReadOnly)
        {
            throw new InvalidOperationException("The extension manager is read-only.");
        }
    }
}
