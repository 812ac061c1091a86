using System;
using System.Management.Automation;
using ModelHub.Errors;

namespace ModelHub.PowerShell.Errors;

/// <summary>The one place that turns core errors into ErrorRecords: stable id, category, target and recommended action.</summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(ModelHubException exception, object? target = null) =>
        new(exception, exception.ErrorId, ToCategory(exception.Category), target ?? exception.Target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction },
        };

    /// <summary>HubErrorCategory's names equal ErrorCategory's, so the mapping is by name.</summary>
    public static ErrorCategory ToCategory(HubErrorCategory category) =>
        (ErrorCategory)Enum.Parse(typeof(ErrorCategory), category.ToString());
}
