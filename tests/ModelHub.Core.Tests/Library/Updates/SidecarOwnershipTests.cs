using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModelHub.Installs;
using ModelHub.Tests.Installs;
using Xunit;

namespace ModelHub.Tests.Library.Updates;

/// <summary>The record lists the sidecars ModelHub wrote, so an uninstall can tell them from the user's files.</summary>
public sealed class SidecarOwnershipTests : IDisposable
{
    private readonly SidecarHarness _sidecars = new();

    public SidecarOwnershipTests() => _sidecars.CivitaiAnswers();

    public void Dispose() => _sidecars.Dispose();

    [Fact]
    public async Task A_fresh_install_lists_every_sidecar_it_wrote_with_its_hash()
    {
        var item = _sidecars.CivitaiItem();

        await _sidecars.WriteAsync(item);

        var sidecars = Record(item).Sidecars!;
        Assert.Equal(new[] { ".civitai.info", ".json", ".preview.png" }, sidecars.Select(sidecar => sidecar.Name.Substring("pp-storybook_rank2_bf16".Length)));
        Assert.All(sidecars, sidecar => Assert.True(SidecarFiles.IsUnchanged(Path.GetDirectoryName(item.Path)!, sidecar)));
    }

    [Fact]
    public async Task A_user_s_file_ModelHub_merged_into_or_replaced_is_not_listed()
    {
        var item = _sidecars.CivitaiItem();
        File.WriteAllText(Path.ChangeExtension(item.Path, ".json"), "{\"notes\":\"mine\"}");
        File.WriteAllText(Path.ChangeExtension(item.Path, ".civitai.info"), "{}");

        await _sidecars.WriteAsync(item);

        Assert.Equal(new[] { "pp-storybook_rank2_bf16.preview.png" }, Record(item).Sidecars!.Select(sidecar => sidecar.Name));
    }

    [Fact]
    public async Task A_reinstall_keeps_its_own_sidecars_listed_unless_the_user_changed_one()
    {
        var item = _sidecars.CivitaiItem();
        await _sidecars.WriteAsync(item);

        await _sidecars.WriteAsync(item);
        Assert.Equal(3, Record(item).Sidecars!.Count);

        // The user's notes in the A1111 metadata make it theirs: merged again, it is no longer ModelHub's to remove.
        File.WriteAllText(Path.ChangeExtension(item.Path, ".json"), "{\"notes\":\"mine\"}");
        await _sidecars.WriteAsync(item);
        Assert.Equal(new[] { ".civitai.info", ".preview.png" }, Record(item).Sidecars!.Select(sidecar => sidecar.Name.Substring("pp-storybook_rank2_bf16".Length)));
    }

    private static InstallRecord Record(InstalledItem item) => SidecarWriter.ReadRecord(SidecarWriter.RecordPath(item.Path))!;
}
