namespace System.Activities;

/// <summary>An activity whose body is the <see cref="Execute"/> method (stand-in).</summary>
public abstract class CodeActivity : Activity
{
    /// <summary>Initializes a new activity.</summary>
    protected CodeActivity()
    {
    }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">Execution context: argument values and extensions.</param>
    protected abstract void Execute(CodeActivityContext context);

    internal override void ExecuteCore(CodeActivityContext context) => Execute(context);
}
