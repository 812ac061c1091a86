using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;

namespace ModelHub.Tests.Library;

/// <summary>
/// A <see cref="LibraryScanner"/> on the fake hub, which answers by address (first matching prefix wins; anything else
/// is a 404), a folder to build libraries in, and scans that collect everything the scanner reports.
/// </summary>
internal sealed class LibraryHarness : IDisposable
{
    public const string ByHashPath = "/api/v1/model-versions/by-hash";

    private readonly List<(string Prefix, Func<HttpRequestMessage, HttpResponseMessage> Answer)> _routes = new();

    public LibraryHarness()
    {
        Http.Environment[EnvironmentVariables.MaxRetries] = "1";
        Http.Hub.Then((request, _) => Task.FromResult(Route(request)));
    }

    public HttpHarness Http { get; } = new();

    public TempFolder Folder { get; } = new();

    /// <summary>The bodies of the bulk by-hash requests, each as its list of hashes.</summary>
    public List<IReadOnlyList<string>> ByHashRequests { get; } = new();

    public string StateFolder => Http.Runtime.Settings.Read().StateFolder;

    public LibraryHarness On(string prefix, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _routes.Add((prefix, answer));
        return this;
    }

    /// <summary>Civitai's bulk by-hash answers with the recorded version, its primary file carrying <paramref name="knownSha256"/>, when asked about it.</summary>
    public LibraryHarness CivitaiKnows(string knownSha256) =>
        On(HttpHarness.CivitaiOrigin + ByHashPath, request =>
        {
            var asked = JsonSerializer.Deserialize<List<string>>(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())!;
            lock (ByHashRequests)
            {
                ByHashRequests.Add(asked);
            }

            var versions = new JsonArray();
            if (asked.Contains(knownSha256))
            {
                versions.Add(VersionWithHash(knownSha256));
            }

            return FakeHub.Json(HttpStatusCode.OK, versions.ToJsonString());
        });

    /// <summary>The recorded Civitai version (model 1231067, a Flux.1 LoRA) with its first file's SHA256 replaced.</summary>
    public static JsonNode VersionWithHash(string sha256)
    {
        var version = JsonNode.Parse(RecordedResponses.Read("civitai/model-version-1387174.json"))!;
        version["files"]![0]!["hashes"]!["SHA256"] = sha256.ToUpperInvariant();
        return version;
    }

    /// <summary>Writes a file of <paramref name="size"/> bytes (a safetensors header, then filler) and returns its path.</summary>
    public string Model(string relativePath, int size = 4096, IDictionary<string, string>? metadata = null, params string[] tensors)
    {
        var path = Path.Combine(Folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, SafetensorsBytes(size, metadata, tensors.Length > 0 ? tensors : new[] { "weight" }, relativePath));
        return path;
    }

    public string Write(string relativePath, string content) => Folder.Write(relativePath, content);

    public static string Sha256Of(string path)
    {
        using var sha = SHA256.Create();
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(sha.ComputeHash(stream)).ToLowerInvariant();
    }

    /// <summary>A valid safetensors file: the header JSON (tensors and __metadata__), then bytes that differ per <paramref name="seed"/>.</summary>
    public static byte[] SafetensorsBytes(int size, IDictionary<string, string>? metadata, IEnumerable<string> tensors, string seed)
    {
        var header = new JsonObject();
        if (metadata is not null)
        {
            header["__metadata__"] = new JsonObject(metadata.Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, pair.Value)));
        }

        foreach (var tensor in tensors)
        {
            header[tensor] = new JsonObject { ["dtype"] = "F16", ["shape"] = new JsonArray(1), ["data_offsets"] = new JsonArray(0, 2) };
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var bytes = new byte[Math.Max(size, 8 + json.Length + 2)];
        BitConverter.GetBytes((long)json.Length).CopyTo(bytes, 0);
        json.CopyTo(bytes, 8);
        var filler = Encoding.UTF8.GetBytes(seed);
        for (var index = 8 + json.Length; index < bytes.Length; index++)
        {
            bytes[index] = filler[index % filler.Length];
        }

        return bytes;
    }

    public Task<ScanOutcome> ScanAsync(ScanRequest request)
    {
        var outcome = new ScanOutcome();
        return Http.RunAsync(async cancellation =>
        {
            await Http.Runtime.Library.ScanAsync(request, outcome, new HubCallOptions(), cancellation);
            return outcome;
        });
    }

    public Task<ScanOutcome> ScanAsync(params ScanRoot[] roots) => ScanAsync(new ScanRequest { Roots = roots });

    public ScanRoot Plain(string relative = "") => new(Path.Combine(Folder.Path, relative), null);

    public void Dispose()
    {
        Http.Dispose();
        Folder.Dispose();
    }

    private HttpResponseMessage Route(HttpRequestMessage request)
    {
        var address = request.RequestUri!.AbsoluteUri;
        var route = _routes.FirstOrDefault(candidate => address.StartsWith(candidate.Prefix, StringComparison.Ordinal));
        return route.Answer is null ? FakeHub.Json(HttpStatusCode.NotFound, "{\"error\":\"Not found\"}") : route.Answer(request);
    }
}

/// <summary>Everything one scan reported.</summary>
internal sealed class ScanOutcome : IScanObserver
{
    public List<InstalledModel> Models { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<ModelHubException> Failures { get; } = new();

    public ScanProgress Last { get; private set; }

    public InstalledModel At(string path) => Models.Single(model => model.Path == path);

    public void Found(InstalledModel model)
    {
        lock (Models)
        {
            Models.Add(model);
        }
    }

    public void Progress(ScanProgress progress) => Last = progress;

    public void Warning(string text)
    {
        lock (Warnings)
        {
            Warnings.Add(text);
        }
    }

    public void Failed(ModelHubException exception)
    {
        lock (Failures)
        {
            Failures.Add(exception);
        }
    }
}
