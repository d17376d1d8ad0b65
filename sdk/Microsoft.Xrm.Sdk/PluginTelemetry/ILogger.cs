namespace Microsoft.Xrm.Sdk.PluginTelemetry;

public interface ILogger
{
    void AddCustomProperty(string propertyName, string propertyValue);

    System.IDisposable BeginScope(string messageFormat, params object[] args);

    System.IDisposable BeginScope<TState>(TState state);

    void Execute(string activityName, System.Action action, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>? additionalCustomProperties = null);

    System.Threading.Tasks.Task ExecuteAsync(string activityName, System.Func<System.Threading.Tasks.Task> action, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>? additionalCustomProperties = null);

    bool IsEnabled(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel);

    void Log(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel, Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void Log(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel, Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void Log(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel, System.Exception exception, string message, params object[] args);

    void Log(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel, string message, params object[] args);

    void Log<TState>(Microsoft.Xrm.Sdk.PluginTelemetry.LogLevel logLevel, Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, TState state, System.Exception exception, System.Func<TState, System.Exception, string> formatter);

    void LogCritical(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogCritical(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogCritical(System.Exception exception, string message, params object[] args);

    void LogCritical(string message, params object[] args);

    void LogDebug(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogDebug(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogDebug(System.Exception exception, string message, params object[] args);

    void LogDebug(string message, params object[] args);

    void LogError(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogError(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogError(System.Exception exception, string message, params object[] args);

    void LogError(string message, params object[] args);

    void LogInformation(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogInformation(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogInformation(System.Exception exception, string message, params object[] args);

    void LogInformation(string message, params object[] args);

    void LogMetric(string metricName, System.Collections.Generic.IDictionary<string, string> metricDimensions, long value);

    void LogMetric(string metricName, long value);

    void LogTrace(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogTrace(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogTrace(System.Exception exception, string message, params object[] args);

    void LogTrace(string message, params object[] args);

    void LogWarning(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, System.Exception exception, string message, params object[] args);

    void LogWarning(Microsoft.Xrm.Sdk.PluginTelemetry.EventId eventId, string message, params object[] args);

    void LogWarning(System.Exception exception, string message, params object[] args);

    void LogWarning(string message, params object[] args);
}
