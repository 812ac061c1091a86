namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>The documented generated repositories (README): present for every seed and catalogue size.</summary>
public static class HfRepoIds
{
    public const string Owner = "modelhub-emulator";

    /// <summary>The organisation of the private repository; the valid token's user is a member.</summary>
    public const string PrivateOrganisation = "modelhub-emulator-org";

    public const string ExamplePipeline = Owner + "/example-pipeline";

    public const string ExampleCheckpoint = Owner + "/example-checkpoint";

    /// <summary>A LoRA with diffusers' default weights name, pytorch_lora_weights.safetensors.</summary>
    public const string ExampleLora = Owner + "/example-lora";

    /// <summary>A LoRA whose weights file is named after it: example-named-lora.safetensors.</summary>
    public const string ExampleNamedLora = Owner + "/example-named-lora";

    /// <summary>Gated "auto": metadata open to all, files to the valid token only.</summary>
    public const string GatedAuto = Owner + "/gated-auto-checkpoint";

    /// <summary>Gated "manual": metadata open to all, files to the valid token only.</summary>
    public const string GatedManual = Owner + "/gated-manual-pipeline";

    /// <summary>Visible to the valid token only; RepoNotFound to everyone else.</summary>
    public const string Private = PrivateOrganisation + "/private-lora";

    /// <summary>The current id of the renamed repository.</summary>
    public const string Renamed = Owner + "/renamed-lora";

    /// <summary>The former id: API and resolve answer a relative 307 to <see cref="Renamed"/>.</summary>
    public const string RenamedFrom = Owner + "/old-name-lora";

    /// <summary>A single-file checkpoint whose weights are 2 GiB (benchmarks), off the first pages of listings.</summary>
    public const string Benchmark = Owner + "/benchmark-checkpoint";

    /// <summary>The benchmark repository's large file.</summary>
    public const string BenchmarkFile = "benchmark-checkpoint.safetensors";

    public const long BenchmarkFileSize = 2L * 1024 * 1024 * 1024;

    /// <summary>A single-file checkpoint whose weights fit on no disk (<see cref="Content.OversizedFile"/>), off the first pages of listings.</summary>
    public const string Oversized = Owner + "/oversized-checkpoint";

    /// <summary>The oversized repository's weights: 64 TiB, hashes declared, never computed.</summary>
    public const string OversizedFile = "oversized-checkpoint.safetensors";

    /// <summary>Disabled by the Hub: 403 "Access to this resource is disabled." everywhere, and never listed.</summary>
    public const string Disabled = Owner + "/disabled-checkpoint";

    /// <summary>A LoRA tagged not-for-all-audiences.</summary>
    public const string Nsfw = Owner + "/nsfw-lora";
}
