using System;
using System.Globalization;

namespace ModelHub.HubEmulator;

/// <summary>The command line of the emulator (the start contract in README.md).</summary>
public sealed record EmulatorOptions
{
    public const ulong DefaultSeed = 20261127;

    public string CivitaiUrl { get; init; } = "http://127.0.0.1:0";

    public string HuggingFaceUrl { get; init; } = "http://127.0.0.1:0";

    public string CdnUrl { get; init; } = "http://127.0.0.1:0";

    /// <summary>Everything generated (catalogue, file bytes, hashes) follows from this.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Generated models per hub, besides the recorded ones.</summary>
    public int CatalogSize { get; init; } = 300;

    /// <summary>How long a signed CDN URL stays valid.</summary>
    public TimeSpan SignedUrlTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>No per-request console logging (benchmarks).</summary>
    public bool Quiet { get; init; }

    /// <summary>Exit when this process ends.</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>The folder of recorded hub responses; null to look for ../shared/hub-api/fixtures.</summary>
    public string? RecordedResponses { get; init; }

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--civitai" => options with { CivitaiUrl = Value() },
                "--huggingface" => options with { HuggingFaceUrl = Value() },
                "--cdn" => options with { CdnUrl = Value() },
                "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--catalog-size" => options with { CatalogSize = PositiveInt(name, Value()) },
                "--signed-url-ttl" => options with { SignedUrlTtl = TimeSpan.FromSeconds(PositiveInt(name, Value())) },
                "--quiet" => options with { Quiet = true },
                "--parent-pid" => options with { ParentProcessId = PositiveInt(name, Value()) },
                "--recorded-responses" => options with { RecordedResponses = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'. Options: --civitai URL --huggingface URL --cdn URL --seed N --catalog-size N --signed-url-ttl SECONDS --quiet --parent-pid N --recorded-responses FOLDER"),
            };
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a whole number greater than 0, not '{value}'.");
}
