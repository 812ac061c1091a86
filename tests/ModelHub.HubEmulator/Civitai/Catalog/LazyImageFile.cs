using System;
using System.Threading;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// A sample image's bytes, described lazily: its size is known only once it is encoded, which waits until a
/// response shows the image. Every Civitai image (generated, recorded, avatar) is made here.
/// </summary>
internal sealed class LazyImageFile
{
    private readonly Lazy<FileSpec> _spec;

    public LazyImageFile(string key, int width, int height, ulong seed)
    {
        Key = key;
        _spec = new Lazy<FileSpec>(() => ImageFiles.Create(key, width, height, seed, FileLayout.Jpeg), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Key { get; }

    public FileSpec Spec => _spec.Value;
}
