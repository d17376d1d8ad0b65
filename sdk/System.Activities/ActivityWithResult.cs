namespace System.Activities;

/// <summary>An activity that produces a result (stand-in).</summary>
public abstract class ActivityWithResult : Activity
{
    internal ActivityWithResult()
    {
    }

    /// <summary>Gets the type of the result.</summary>
    public Type ResultType => ResultTypeCore;

    /// <summary>Gets or sets the argument that receives the result.</summary>
    public OutArgument? Result
    {
        get => ResultCore;
        set => ResultCore = value;
    }

    internal abstract Type ResultTypeCore { get; }

    internal abstract OutArgument? ResultCore { get; set; }
}
