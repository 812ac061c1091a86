using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Manifests;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Manifests;

/// <summary>
/// The sync's plan and the steps that need no hub, on a real folder. The fake hub has no answer scripted: any request
/// would fail the test, which proves a machine that matches its manifest is checked without the network.
/// </summary>
public sealed class ManifestSyncTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly HttpHarness _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    private string Root => Path.Combine(_folder.Path, "ComfyUI");

    private string Loras => Path.Combine(Root, "models", "loras");

    [Fact]
    public async Task The_plan_reads_only_the_disk_and_says_what_each_file_needs()
    {
        var verified = Put("models/loras/verified.safetensors", 1);
        Put("models/loras/modified.safetensors", 2, tamper: true);
        var older = Put("models/loras/older.safetensors", 3);
        WriteRecord(older.Path, older.Bytes, "7", "70");
        var extra = Put("models/loras/extra.safetensors", 4);
        WriteRecord(extra.Path, extra.Bytes, "8", "80");
        var otherVersion = Put("models/loras/old-of-verified.safetensors", 5);
        WriteRecord(otherVersion.Path, otherVersion.Bytes, "1", "9");
        WriteRecord(Path.Combine(Loras, "pipeline"), new byte[1], "9", "90", folder: true);
        var manifest = Manifest(
            Entry("1", "10", "models/loras/verified.safetensors", verified.Bytes),
            Entry("2", "20", "models/loras/modified.safetensors", Content(2)),
            Entry("3", "30", "models/loras/missing.safetensors", Content(3)),
            Entry("7", "71", "models/loras/older.safetensors", Content(7)));

        var plan = await PlanAsync(manifest);

        Assert.Empty(_http.Hub.Requests);
        Assert.Equal(Root, plan.ToolRoot);
        Assert.Equal(Tool.ComfyUI, plan.Tool);
        Assert.Equal(
            new[]
            {
                (SyncAction.Verified, "verified.safetensors"), (SyncAction.Drifted, "modified.safetensors"), (SyncAction.Installed, "missing.safetensors"),
                (SyncAction.Updated, "older.safetensors"), (SyncAction.Drifted, "extra.safetensors"), (SyncAction.Drifted, "old-of-verified.safetensors"),
            },
            plan.Steps.Select(step => (step.Action, Path.GetFileName(step.Path))));
        Assert.Contains("modified", plan.Steps[1].Detail);
        Assert.Contains(Sha(Content(2)), plan.Steps[1].Detail);
        Assert.Contains("version 70 replaced by 71", plan.Steps[3].Detail);
        Assert.Contains("not in the manifest", plan.Steps[4].Detail);
        Assert.Contains("another version", plan.Steps[5].Detail);
        Assert.False(plan.Steps[0].ChangesFiles);
        Assert.True(plan.Steps[2].ChangesFiles);
    }

    [Fact]
    public async Task A_file_unchanged_since_it_was_hashed_is_checked_from_the_librarys_hash_cache()
    {
        var file = Put("models/loras/a.safetensors", 1);
        var manifest = Manifest(Entry("1", "10", "models/loras/a.safetensors", file.Bytes));
        Assert.Equal(SyncAction.Verified, Assert.Single((await PlanAsync(manifest)).Steps).Action);

        // The cache (library/hashes.json, keyed by path, size and write time) now answers for the file: a hash it
        // holds is believed without reading the file, and a changed file is read again.
        var hashes = Path.Combine(_http.Runtime.Settings.Read().StateFolder, "library", "hashes.json");
        var cached = JsonNode.Parse(File.ReadAllText(hashes))!;
        var facts = cached["files"]![file.Path]!;
        Assert.Equal(Sha(file.Bytes), facts["sha256"]!.GetValue<string>());
        facts["sha256"] = new string('0', 64);
        File.WriteAllText(hashes, cached.ToJsonString());
        Assert.Equal(SyncAction.Drifted, Assert.Single((await PlanAsync(manifest)).Steps).Action);

        File.SetLastWriteTimeUtc(file.Path, File.GetLastWriteTimeUtc(file.Path).AddSeconds(1));
        Assert.Equal(SyncAction.Verified, Assert.Single((await PlanAsync(manifest)).Steps).Action);
    }

    [Fact]
    public async Task Prune_and_Force_turn_drift_into_changes()
    {
        Put("models/loras/modified.safetensors", 2, tamper: true);
        var extra = Put("models/loras/extra.safetensors", 4);
        WriteRecord(extra.Path, extra.Bytes, "8", "80");

        var plan = await PlanAsync(Manifest(Entry("2", "20", "models/loras/modified.safetensors", Content(2))), prune: true, force: true);

        Assert.Equal(new[] { SyncAction.Updated, SyncAction.Pruned }, plan.Steps.Select(step => step.Action));
        Assert.Contains("-Force", plan.Steps[0].Detail);
    }

    [Fact]
    public async Task Entries_that_escape_repeat_or_cannot_be_placed_fail_alone()
    {
        var plan = await PlanAsync(Manifest(
            Entry("1", "10", "../outside.safetensors", Content(1)),
            Entry("2", "20", "models/loras/a.safetensors", Content(2)),
            Entry("3", "30", "models/loras/a.safetensors", Content(3)),
            Entry("4", "40", "models/Lora/b.safetensors", Content(4), tool: Tool.A1111, type: null)));

        Assert.Equal(new[] { SyncAction.Failed, SyncAction.Installed, SyncAction.Failed, SyncAction.Failed }, plan.Steps.Select(step => step.Action));
        Assert.Equal(ErrorIds.TargetOutsideToolRoot, plan.Steps[0].Error!.ErrorId);
        Assert.Equal(ErrorIds.ManifestInvalid, plan.Steps[2].Error!.ErrorId);
        Assert.Contains("more than once", plan.Steps[2].Error!.Message);
        Assert.Equal(ErrorIds.ManifestInvalid, plan.Steps[3].Error!.ErrorId);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task An_entry_written_for_another_tool_is_placed_by_its_type()
    {
        var plan = await PlanAsync(Manifest(Entry("1", "10", "models/Lora/style.safetensors", Content(1), tool: Tool.A1111)));

        Assert.Equal(Path.Combine(Loras, "style.safetensors"), Assert.Single(plan.Steps).Path);
    }

    [Fact]
    public async Task Without_a_tool_root_there_is_nothing_to_sync()
    {
        var error = await Assert.ThrowsAsync<ModelHubConfigurationException>(() =>
            _http.Runtime.Manifests.PlanAsync(new SyncRequest { Manifest = Manifest(), Source = "m.json" }, null, CancellationToken.None));

        Assert.Equal(ErrorIds.ToolRootNotSet, error.ErrorId);
    }

    [Fact]
    public async Task Applying_prunes_what_ModelHub_installed_keeps_the_users_notes_and_records_pins()
    {
        var pinned = Put("models/loras/pinned.safetensors", 1);
        WriteRecord(pinned.Path, pinned.Bytes, "1", "10");
        var extra = Put("models/loras/extra.safetensors", 4);
        WriteRecord(extra.Path, extra.Bytes, "8", "80");
        var notes = Path.Combine(Loras, "extra.json");
        File.WriteAllText(notes, "{\"notes\":\"mine\"}");
        var manifest = Manifest(Entry("1", "10", "models/loras/pinned.safetensors", pinned.Bytes, pinned: true));
        var request = Request(manifest, prune: true);
        var observer = new Observer();

        var plan = await _http.Runtime.Manifests.PlanAsync(request, null, CancellationToken.None);
        var summary = await _http.Runtime.Manifests.ApplyAsync(plan, plan.Steps, request, HubCallOptions.Default, observer, CancellationToken.None);

        Assert.Equal((1, 1, 0), (summary.Verified, summary.Pruned, summary.Failed));
        Assert.Equal("m.json", summary.Manifest);
        Assert.Equal(summary.Items, observer.Items);
        Assert.Equal("recorded as pinned", summary.Items[0].Detail);
        var record = JsonNode.Parse(File.ReadAllText(SidecarWriter.RecordPath(pinned.Path)))!;
        Assert.True(record["pinned"]!.GetValue<bool>());
        Assert.Equal("1", record["modelId"]!.GetValue<string>());
        Assert.False(File.Exists(extra.Path));
        Assert.False(File.Exists(SidecarWriter.RecordPath(extra.Path)));
        Assert.True(File.Exists(notes));

        var again = await _http.Runtime.Manifests.PlanAsync(request, null, CancellationToken.None);
        Assert.False(Assert.Single(again.Steps).ChangesFiles);
        Assert.Empty(_http.Hub.Requests);
    }

    private static byte[] Content(int seed)
    {
        var bytes = new byte[4096 + seed];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private (string Path, byte[] Bytes) Put(string relative, int seed, bool tamper = false)
    {
        var bytes = Content(seed);
        if (tamper)
        {
            bytes[7] ^= 0xFF;
        }

        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return (path, bytes);
    }

    private static void WriteRecord(string installed, byte[] bytes, string modelId, string versionId, bool folder = false)
    {
        var record = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["hub"] = "Civitai",
            ["modelId"] = modelId,
            ["versionId"] = versionId,
            ["fileName"] = Path.GetFileName(installed),
            ["sha256"] = folder ? null : Sha(bytes),
            ["size"] = bytes.Length,
            ["files"] = folder ? new JsonArray() : null,
        };
        File.WriteAllText(Path.ChangeExtension(installed, null) + SidecarWriter.RecordExtension, record.ToJsonString());
    }

    private static ManifestEntry Entry(string modelId, string versionId, string path, byte[] bytes, Tool? tool = Tool.ComfyUI, ModelType? type = ModelType.LoRA, bool pinned = false) => new()
    {
        Hub = Hub.Civitai,
        ModelId = modelId,
        VersionId = versionId,
        HubFileName = Path.GetFileName(path),
        FileName = Path.GetFileName(path),
        Sha256 = Sha(bytes),
        Size = bytes.Length,
        Tool = tool,
        Type = type,
        Path = path,
        Pinned = pinned,
    };

    private static Manifest Manifest(params ManifestEntry[] entries) => new() { Tool = Tool.ComfyUI, Files = entries };

    private SyncRequest Request(Manifest manifest, bool prune = false, bool force = false) =>
        new() { Manifest = manifest, Source = "m.json", Tool = Tool.ComfyUI, ToolRoot = Root, Prune = prune, Force = force };

    private Task<SyncPlan> PlanAsync(Manifest manifest, bool prune = false, bool force = false) =>
        _http.Runtime.Manifests.PlanAsync(Request(manifest, prune, force), null, CancellationToken.None);

    private sealed class Observer : ISyncObserver
    {
        private readonly List<SyncItem> _items = new();

        public IReadOnlyList<SyncItem> Items
        {
            get
            {
                lock (_items)
                {
                    return _items.ToList();
                }
            }
        }

        public void Progress(PlannedFile file, DownloadProgress progress) => throw new InvalidOperationException("Nothing is downloaded here.");

        public void Warning(string text) => throw new InvalidOperationException(text);

        public void Done(SyncItem item, ModelHubException? error)
        {
            Assert.Null(error);
            lock (_items)
            {
                _items.Add(item);
            }
        }
    }
}
