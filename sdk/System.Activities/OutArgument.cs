namespace System.Activities;

/// <summary>Base of output arguments (stand-in).</summary>
public abstract class OutArgument : Argument
{
    internal OutArgument(Type argumentType)
        : base(argumentType, ArgumentDirection.Out)
    {
    }
}
