using System;
using System.IO;
using ModelHub.HubEmulator.Cdn;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Control;

namespace ModelHub.HubEmulator;

/// <summary>What the three origins share: options, addresses, files, hashes, signed URLs, and each origin's log and faults.</summary>
public sealed class EmulatorServices
{
    public EmulatorServices(EmulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Recorded = RecordedResponses.Locate(options.RecordedResponses);
        Content = new FileContent(options);
        Hashes = new FileHasher(Content, HashCacheFolder());
        Cdn = new CdnUrls(Origins, options, time);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public Origins Origins { get; } = new();

    public RecordedResponses Recorded { get; }

    public FileRegistry Files { get; } = new();

    public FileContent Content { get; }

    public FileHasher Hashes { get; }

    public CdnUrls Cdn { get; }

    public OriginState Civitai { get; } = new(OriginName.Civitai);

    public OriginState HuggingFace { get; } = new(OriginName.HuggingFace);

    public OriginState CdnOrigin { get; } = new(OriginName.Cdn);

    /// <summary>Where hashes of large generated files are kept between runs: $XDG_CACHE_HOME or ~/.cache, modelhub-emulator/hashes.</summary>
    private static string HashCacheFolder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "modelhub-emulator", "hashes");
    }
}
