using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>
/// The cmdlets that take a model: -Id (alias ModelId) by value or by property name and -Hub by property
/// name, so Models, Versions, Files and Import-Csv rows all pipe in.
/// </summary>
public abstract class ModelCmdlet : ModelHubCmdlet
{
    private protected const string IdSet = "Id";

    /// <summary>civitai:4201, hf:org/name, 4201, org/name, an AIR or a web page URL (hence the alias Url).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The model: civitai:4201, hf:org/name, 4201, org/name, an AIR or its web page URL.")]
    [Alias("ModelId", "Url")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = new string[0];

    /// <summary>The hub, when the id alone does not say (a piped object's Hub).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Hub? Hub { get; set; }

    /// <summary>Each id as a reference; an id that names no model is reported and skipped.</summary>
    private protected IEnumerable<ModelReference> References(IEnumerable<string> ids)
    {
        var settings = ReadSettings();
        foreach (var id in ids)
        {
            ModelReference reference;
            try
            {
                reference = ModelReference.Parse(id, Hub, settings);
            }
            catch (ModelHubException exception)
            {
                WriteHubError(exception, id);
                continue;
            }

            yield return reference;
        }
    }

    /// <summary>Runs one call per model, reporting each model's failure against its reference and going on with the next.</summary>
    private protected void ForEachModel(IEnumerable<ModelReference> references, Func<ModelReference, PipelineWriter, CancellationToken, Task> call)
    {
        foreach (var reference in references)
        {
            RunFor(reference, (writer, cancellation) => call(reference, writer, cancellation));
        }
    }

    /// <summary>Runs core work for one model; its failure is reported against the model and does not stop the command.</summary>
    private protected void RunFor(ModelReference reference, Func<PipelineWriter, CancellationToken, Task> call) =>
        Run(async (writer, cancellation) =>
        {
            try
            {
                await call(writer, cancellation).ConfigureAwait(false);
            }
            catch (ModelHubException exception)
            {
                writer.Error(exception, reference.ToString());
            }
        });
}
