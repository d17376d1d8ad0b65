using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>A column of one table of the query.</summary>
internal sealed class ColumnRef(QuerySource source, string attribute)
{
    public QuerySource Source { get; } = source;

    public string Attribute { get; } = attribute;
}

/// <summary>
/// Reads lambda bodies against the shapes their parameters stand for: which sub-expressions are columns
/// (early-bound properties, <c>entity["col"]</c>, <c>GetAttributeValue&lt;T&gt;("col")</c>, a lookup's <c>.Id</c>, an
/// option set's or money's <c>.Value</c>) and which are values computed on the client.
/// </summary>
internal sealed class ExpressionReader
{
    private readonly Dictionary<ParameterExpression, Shape> _parameters = [];

    public ExpressionReader(LambdaExpression lambda, params Shape[] shapes)
    {
        for (var i = 0; i < lambda.Parameters.Count; i++)
        {
            _parameters[lambda.Parameters[i]] = shapes[i];
        }
    }

    public static Expression StripConversions(Expression expression)
    {
        while (expression.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs or ExpressionType.Quote)
        {
            expression = ((UnaryExpression)expression).Operand;
        }

        return expression;
    }

    /// <summary>The shape an expression stands for (a parameter, a member of a record, a new record), or null.</summary>
    public Shape? Shape(Expression expression)
    {
        expression = StripConversions(expression);
        switch (expression)
        {
            case ParameterExpression parameter:
                return _parameters.TryGetValue(parameter, out var shape) ? shape : null;
            case MemberExpression { Expression: not null } member when Shape(member.Expression) is RecordShape record:
                return record.Member(member.Member.Name);
            case NewExpression created when created.Members is not null && created.Arguments.Count > 0:
                var members = created.Arguments.Select(Shape).ToList();
                return members.All(m => m is not null) ? new RecordShape(created, members!) : null;
            default:
                return null;
        }
    }

    /// <summary>The column an expression reads, or null when it is not a column access.</summary>
    public ColumnRef? Column(Expression expression)
    {
        expression = StripConversions(expression);
        switch (expression)
        {
            case MemberExpression { Expression: not null } member:
                return MemberColumn(member);
            case MethodCallExpression call:
                return CallColumn(call);
            default:
                return null;
        }
    }

    /// <summary>The client-side value of an expression that reads no column (a constant, a captured variable, a computation).</summary>
    public object? Value(Expression expression)
    {
        if (ParameterFinder.Uses(expression, _parameters.Keys))
        {
            throw LinqErrors.ColumnOnLeft();
        }

        var stripped = StripConversions(expression);
        object? value = stripped is ConstantExpression constant
            ? constant.Value
            : Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile()();
        return Normalize(value);
    }

    /// <summary>Whether an expression depends on a lambda parameter (reads the row).</summary>
    public bool UsesRow(Expression expression) => ParameterFinder.Uses(expression, _parameters.Keys);

    /// <summary>Query values as QueryExpression takes them: a lookup by its id, a choice by its number, money by its amount.</summary>
    public static object? Normalize(object? value) => value switch
    {
        EntityReference reference => reference.Id,
        OptionSetValue option => option.Value,
        Money money => money.Value,
        Enum choice => Convert.ToInt32(choice, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private ColumnRef? MemberColumn(MemberExpression member)
    {
        var owner = member.Expression!;
        var ownerType = owner.Type;
        var name = member.Member.Name;

        // x.Lookup.Id, x.Choice.Value, x.Amount.Value and nullable .Value compare the column itself.
        var isUnwrap = (name == "Id" && ownerType == typeof(EntityReference))
            || (name == "Value" && (ownerType == typeof(OptionSetValue) || ownerType == typeof(Money) || Nullable.GetUnderlyingType(ownerType) is not null));
        if (isUnwrap)
        {
            return Column(owner);
        }

        if (Shape(owner) is EntityShape entity && member.Member is System.Reflection.PropertyInfo)
        {
            var attribute = entity.Source.AttributeOf(ownerType, name);
            return attribute is null ? null : new ColumnRef(entity.Source, attribute);
        }

        return null;
    }

    private ColumnRef? CallColumn(MethodCallExpression call)
    {
        if (call.Object is null || call.Arguments.Count != 1 || call.Arguments[0].Type != typeof(string))
        {
            return null;
        }

        var isAttributeRead = call.Method.Name == nameof(Entity.GetAttributeValue) || call.Method.Name == "get_Item";
        if (!isAttributeRead)
        {
            return null;
        }

        // entity["col"], entity.GetAttributeValue<T>("col") and entity.Attributes["col"].
        var owner = call.Object is MemberExpression { Member.Name: nameof(Entity.Attributes), Expression: not null } attributes && call.Method.Name == "get_Item"
            ? attributes.Expression
            : call.Object;
        if (Shape(owner) is not EntityShape entity || UsesRow(call.Arguments[0]))
        {
            return null;
        }

        return Value(call.Arguments[0]) is string name ? new ColumnRef(entity.Source, name) : null;
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        private readonly ICollection<ParameterExpression> _parameters;
        private bool _found;

        private ParameterFinder(ICollection<ParameterExpression> parameters)
        {
            _parameters = parameters;
        }

        public static bool Uses(Expression expression, ICollection<ParameterExpression> parameters)
        {
            var finder = new ParameterFinder(parameters);
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= _parameters.Contains(node);
            return node;
        }
    }
}
