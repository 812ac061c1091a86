using System;
using System.Globalization;
using System.Management.Automation;

namespace ModelHub.PowerShell.Validation;

/// <summary>
/// Reads a number given for a TimeSpan parameter as seconds, as the MODELHUB_* variables do: -Timeout 30 is
/// 30 seconds (PowerShell alone would read it as 30 ticks, and '30' as 30 days). TimeSpans pass unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecondsAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int or long or double or decimal or float => FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), inputData),
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => FromSeconds(seconds, inputData),
            _ => inputData,
        };
    }

    /// <summary>The seconds as a TimeSpan, or the input unchanged when no TimeSpan is that long (binding then reports it).</summary>
    private static object? FromSeconds(double seconds, object? inputData) =>
        Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : inputData;
}
