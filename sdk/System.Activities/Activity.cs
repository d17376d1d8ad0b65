namespace System.Activities;

/// <summary>
/// Test-only stand-in for the .NET Framework base of all activities. Only the members custom workflow
/// activities use exist, with the declaring types and signatures of System.Activities 4.0.0.0.
/// </summary>
public abstract class Activity
{
    private string? _displayName;

    /// <summary>Initializes a new activity.</summary>
    protected Activity()
    {
    }

    /// <summary>Gets or sets the display name; defaults to the activity's type name.</summary>
    public string DisplayName
    {
        get => _displayName ?? GetType().Name;
        set => _displayName = value;
    }

    /// <summary>Gets the activity's id within its workflow; the single-activity runner always uses "1".</summary>
    public string Id => "1";

    /// <inheritdoc />
    public override string ToString() => Id + ": " + DisplayName;

    /// <summary>Runs the activity body; each executable activity kind overrides it.</summary>
    internal virtual void ExecuteCore(CodeActivityContext context) =>
        throw new NotSupportedException("The System.Activities stand-in only runs code activities.");
}
