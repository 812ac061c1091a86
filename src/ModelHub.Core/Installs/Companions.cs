using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>Files some models need beside them (text encoders and VAE of a Flux.1 or SD 3.x single-file checkpoint, an SDXL refiner's base), from data.</summary>
public static class Companions
{
    /// <summary>Warnings naming the companions not found under the tool root; empty when none are needed or all are there.</summary>
    public static IReadOnlyList<string> Missing(Model model, ModelVersion version, SelectionResult selection, Tool? tool, string? toolRoot) =>
        throw new NotImplementedException();
}
