using System;
using System.Linq.Expressions;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Linq;

/// <summary>
/// Translates one where predicate to a <see cref="FilterExpression"/>: comparisons (column on the left, value on the
/// right), <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, null checks, boolean columns and string Contains/StartsWith/EndsWith/Equals.
/// All conditions of one where clause must be on one table, as the platform's provider requires.
/// </summary>
internal sealed class FilterTranslator(ExpressionReader reader)
{
    /// <summary>The table the conditions are on (null when the predicate reads no column, e.g. <c>where true</c>).</summary>
    public QuerySource? Source { get; private set; }

    public FilterExpression Translate(Expression predicate)
    {
        var filter = new FilterExpression(LogicalOperator.And);
        Add(filter, predicate, negate: false);
        return filter;
    }

    private static ConditionOperator Negated(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => ConditionOperator.NotEqual,
        ConditionOperator.NotEqual => ConditionOperator.Equal,
        ConditionOperator.GreaterThan => ConditionOperator.LessEqual,
        ConditionOperator.LessEqual => ConditionOperator.GreaterThan,
        ConditionOperator.LessThan => ConditionOperator.GreaterEqual,
        ConditionOperator.GreaterEqual => ConditionOperator.LessThan,
        ConditionOperator.Null => ConditionOperator.NotNull,
        ConditionOperator.NotNull => ConditionOperator.Null,
        ConditionOperator.Like => ConditionOperator.NotLike,
        ConditionOperator.NotLike => ConditionOperator.Like,
        ConditionOperator.BeginsWith => ConditionOperator.DoesNotBeginWith,
        ConditionOperator.EndsWith => ConditionOperator.DoesNotEndWith,
        _ => throw new InvalidOperationException(op.ToString()),
    };

    private static ConditionOperator? Comparison(ExpressionType type) => type switch
    {
        ExpressionType.Equal => ConditionOperator.Equal,
        ExpressionType.NotEqual => ConditionOperator.NotEqual,
        ExpressionType.GreaterThan => ConditionOperator.GreaterThan,
        ExpressionType.GreaterThanOrEqual => ConditionOperator.GreaterEqual,
        ExpressionType.LessThan => ConditionOperator.LessThan,
        ExpressionType.LessThanOrEqual => ConditionOperator.LessEqual,
        _ => null,
    };

    /// <summary>A LIKE pattern matching <paramref name="text"/> literally (%, _ and [ escaped as character classes).</summary>
    private static string LikeLiteral(string text) =>
        text.Replace("[", "[[]").Replace("%", "[%]").Replace("_", "[_]");

    private void Add(FilterExpression parent, Expression expression, bool negate)
    {
        expression = ExpressionReader.StripConversions(expression);
        switch (expression.NodeType)
        {
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
                AddLogical(parent, (BinaryExpression)expression, negate);
                return;
            case ExpressionType.Not when expression.Type == typeof(bool) || expression.Type == typeof(bool?):
                Add(parent, ((UnaryExpression)expression).Operand, !negate);
                return;
            case ExpressionType.Call:
                parent.AddCondition(Call((MethodCallExpression)expression, negate));
                return;
            case ExpressionType.Constant when expression.Type == typeof(bool):
                // "where true" filters nothing; "where false" has no QueryExpression form.
                if ((bool)((ConstantExpression)expression).Value! == negate)
                {
                    throw LinqErrors.InvalidWhere("A constant false condition cannot be sent to the server.");
                }

                return;
            default:
                break;
        }

        if (expression is BinaryExpression binary && Comparison(binary.NodeType) is { } op)
        {
            parent.AddCondition(Compare(binary.Left, binary.Right, op, negate));
            return;
        }

        if ((expression.Type == typeof(bool) || expression.Type == typeof(bool?)) && reader.Column(expression) is { } flag)
        {
            parent.AddCondition(Condition(flag, ConditionOperator.Equal, !negate));
            return;
        }

        throw LinqErrors.InvalidWhere($"The expression '{expression}' cannot be translated to a condition.");
    }

    private void AddLogical(FilterExpression parent, BinaryExpression binary, bool negate)
    {
        // De Morgan under a negation: !(a && b) == !a || !b.
        var and = (binary.NodeType == ExpressionType.AndAlso) != negate;
        var op = and ? LogicalOperator.And : LogicalOperator.Or;
        var target = parent;
        if (parent.FilterOperator != op)
        {
            target = new FilterExpression(op);
            parent.AddFilter(target);
        }

        Add(target, binary.Left, negate);
        Add(target, binary.Right, negate);
    }

    private ConditionExpression Compare(Expression left, Expression right, ConditionOperator op, bool negate)
    {
        var column = reader.Column(left);
        if (column is null && reader.Shape(left) is EntityShape entity && !reader.UsesRow(right) && reader.Value(right) is null)
        {
            // x == null on an outer-joined table: no matching row, i.e. its primary key is null.
            column = new ColumnRef(entity.Source, entity.Source.PrimaryId);
        }

        if (column is null)
        {
            throw reader.UsesRow(right) || reader.Column(right) is not null
                ? LinqErrors.ColumnOnLeft()
                : LinqErrors.InvalidWhere($"The expression '{left}' is not a column of the queried table.");
        }

        var value = reader.Value(right);
        if (value is null)
        {
            op = op switch
            {
                ConditionOperator.Equal => ConditionOperator.Null,
                ConditionOperator.NotEqual => ConditionOperator.NotNull,
                _ => throw LinqErrors.InvalidWhere("Only == and != can compare a column with null."),
            };
        }

        return Condition(column, negate ? Negated(op) : op, value);
    }

    private ConditionExpression Call(MethodCallExpression call, bool negate)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(string) && call.Object is not null && call.Arguments.Count == 1 && call.Arguments[0].Type == typeof(string))
        {
            var column = reader.Column(call.Object) ?? throw LinqErrors.InvalidWhere($"'{call.Object}' is not a column of the queried table.");
            var text = reader.Value(call.Arguments[0]) as string
                ?? throw LinqErrors.InvalidWhere($"The argument of '{method.Name}' must be a non-null string.");
            ConditionExpression? condition = method.Name switch
            {
                nameof(string.Contains) => Condition(column, ConditionOperator.Like, "%" + LikeLiteral(text) + "%"),
                nameof(string.StartsWith) => Condition(column, ConditionOperator.BeginsWith, text),
                nameof(string.EndsWith) => Condition(column, ConditionOperator.EndsWith, text),
                nameof(string.Equals) => Condition(column, ConditionOperator.Equal, text),
                _ => null,
            };
            if (condition is not null)
            {
                if (negate)
                {
                    condition.Operator = Negated(condition.Operator);
                }

                return condition;
            }
        }

        if (method.Name == nameof(object.Equals))
        {
            if (call.Object is not null && call.Arguments.Count == 1)
            {
                return Compare(call.Object, call.Arguments[0], ConditionOperator.Equal, negate);
            }

            if (method.IsStatic && call.Arguments.Count == 2)
            {
                return Compare(call.Arguments[0], call.Arguments[1], ConditionOperator.Equal, negate);
            }
        }

        if ((call.Type == typeof(bool) || call.Type == typeof(bool?)) && reader.Column(call) is { } flag)
        {
            return Condition(flag, ConditionOperator.Equal, !negate);
        }

        throw LinqErrors.InvalidWhere($"The method '{method.Name}' cannot be translated to a condition.");
    }

    private ConditionExpression Condition(ColumnRef column, ConditionOperator op, object? value)
    {
        if (Source is null)
        {
            Source = column.Source;
        }
        else if (!ReferenceEquals(Source, column.Source))
        {
            throw LinqErrors.SingleTablePerWhere();
        }

        return op is ConditionOperator.Null or ConditionOperator.NotNull
            ? new ConditionExpression(column.Attribute, op)
            : new ConditionExpression(column.Attribute, op, value!);
    }
}
