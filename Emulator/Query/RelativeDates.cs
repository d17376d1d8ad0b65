using System;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Date windows for the relative date operators, computed on the emulator clock in UTC (the
/// emulator has no user time zone: "today" is the UTC calendar day of
/// <see cref="QueryEnvironment.UtcNow"/>). Weeks start on Sunday, the platform default.
/// Every window is half-open: <c>Start &lt;= value &lt; End</c>.
/// </summary>
internal static class RelativeDates
{
    public readonly record struct Window(DateTime Start, DateTime End)
    {
        public bool Contains(DateTime value) => value >= Start && value < End;
    }

    /// <summary>Operators whose window needs no argument.</summary>
    public static Window? Fixed(ConditionOperator op, DateTime utcNow)
    {
        var today = utcNow.Date;
        var week = today.AddDays(-(int)today.DayOfWeek);
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return op switch
        {
            ConditionOperator.Today => new Window(today, today.AddDays(1)),
            ConditionOperator.Yesterday => new Window(today.AddDays(-1), today),
            ConditionOperator.Tomorrow => new Window(today.AddDays(1), today.AddDays(2)),
            ConditionOperator.Last7Days => WithArgument(ConditionOperator.LastXDays, utcNow, 7),
            ConditionOperator.Next7Days => WithArgument(ConditionOperator.NextXDays, utcNow, 7),
            ConditionOperator.ThisWeek => new Window(week, week.AddDays(7)),
            ConditionOperator.LastWeek => new Window(week.AddDays(-7), week),
            ConditionOperator.NextWeek => new Window(week.AddDays(7), week.AddDays(14)),
            ConditionOperator.ThisMonth => new Window(month, month.AddMonths(1)),
            ConditionOperator.LastMonth => new Window(month.AddMonths(-1), month),
            ConditionOperator.NextMonth => new Window(month.AddMonths(1), month.AddMonths(2)),
            ConditionOperator.ThisYear => new Window(year, year.AddYears(1)),
            ConditionOperator.LastYear => new Window(year.AddYears(-1), year),
            ConditionOperator.NextYear => new Window(year.AddYears(1), year.AddYears(2)),
            _ => null,
        };
    }

    /// <summary>
    /// Operators with an X argument. LastX*: from the start of today minus X units up to now
    /// (hours: now minus X hours). NextX*: from now to the end of the day X units ahead (hours:
    /// now plus X hours). OlderThanX*: everything before now minus X units.
    /// </summary>
    public static Window? WithArgument(ConditionOperator op, DateTime utcNow, int x)
    {
        var today = utcNow.Date;
        var justAfterNow = utcNow.AddTicks(1);
        return op switch
        {
            ConditionOperator.LastXHours => new Window(utcNow.AddHours(-x), justAfterNow),
            ConditionOperator.NextXHours => new Window(utcNow, utcNow.AddHours(x).AddTicks(1)),
            ConditionOperator.LastXDays => new Window(today.AddDays(-x), justAfterNow),
            ConditionOperator.NextXDays => new Window(utcNow, today.AddDays(x + 1)),
            ConditionOperator.LastXWeeks => new Window(today.AddDays(-7 * x), justAfterNow),
            ConditionOperator.NextXWeeks => new Window(utcNow, today.AddDays((7 * x) + 1)),
            ConditionOperator.LastXMonths => new Window(today.AddMonths(-x), justAfterNow),
            ConditionOperator.NextXMonths => new Window(utcNow, today.AddMonths(x).AddDays(1)),
            ConditionOperator.LastXYears => new Window(today.AddYears(-x), justAfterNow),
            ConditionOperator.NextXYears => new Window(utcNow, today.AddYears(x).AddDays(1)),
            ConditionOperator.OlderThanXMinutes => new Window(DateTime.MinValue, utcNow.AddMinutes(-x)),
            ConditionOperator.OlderThanXHours => new Window(DateTime.MinValue, utcNow.AddHours(-x)),
            ConditionOperator.OlderThanXDays => new Window(DateTime.MinValue, utcNow.AddDays(-x)),
            ConditionOperator.OlderThanXWeeks => new Window(DateTime.MinValue, utcNow.AddDays(-7 * x)),
            ConditionOperator.OlderThanXMonths => new Window(DateTime.MinValue, utcNow.AddMonths(-x)),
            ConditionOperator.OlderThanXYears => new Window(DateTime.MinValue, utcNow.AddYears(-x)),
            _ => null,
        };
    }
}
