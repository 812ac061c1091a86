using System;
using System.Management.Automation;
using ModelHub.Settings;

namespace ModelHub.PowerShell.Validation;

/// <summary>Refuses a delay or timeout that ModelHub's settings cannot hold (zero, negative, longer than a day).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ValidateDelayAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is TimeSpan delay && RetrySettings.DelayProblem(delay) is { } problem)
        {
            throw new ValidationMetadataException(problem);
        }
    }
}
