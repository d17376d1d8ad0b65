namespace System.Activities;

/// <summary>Base of input arguments (stand-in).</summary>
public abstract class InArgument : Argument
{
    internal InArgument(Type argumentType)
        : base(argumentType, ArgumentDirection.In)
    {
    }
}
