using System.Collections.Generic;
using System.Linq.Expressions;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>What a lambda parameter of the query stands for at a point of the query.</summary>
internal abstract class Shape
{
}

/// <summary>A whole entity of one table.</summary>
internal sealed class EntityShape(QuerySource source) : Shape
{
    public QuerySource Source { get; } = source;
}

/// <summary>The group of a GroupJoin (<c>join … into g</c>): the joined table's rows for one outer row.</summary>
internal sealed class GroupShape(QuerySource source) : Shape
{
    public QuerySource Source { get; } = source;
}

/// <summary>An object made of entities, e.g. the compiler's <c>new { c, a }</c> after a join.</summary>
internal sealed class RecordShape(NewExpression constructor, IReadOnlyList<Shape> members) : Shape
{
    public NewExpression Constructor { get; } = constructor;

    public IReadOnlyList<Shape> Members { get; } = members;

    public Shape? Member(string name)
    {
        var names = Constructor.Members;
        for (var i = 0; names is not null && i < names.Count; i++)
        {
            if (names[i].Name == name || names[i].Name == "get_" + name)
            {
                return Members[i];
            }
        }

        return null;
    }
}

/// <summary>A client-side projection: a selector applied to the shapes of its parameters.</summary>
internal sealed class ProjectionShape(LambdaExpression selector, IReadOnlyList<Shape> arguments) : Shape
{
    public LambdaExpression Selector { get; } = selector;

    public IReadOnlyList<Shape> Arguments { get; } = arguments;
}
