using System;
using System.Collections.Generic;

namespace ModelHub.Gallery;

/// <summary>One card of a gallery: a model and the sample images shown with it (possibly none).</summary>
public sealed class GalleryEntry
{
    public GalleryEntry(Model model, IReadOnlyList<ModelImage>? images = null)
    {
        Model = model;
        Images = images ?? Array.Empty<ModelImage>();
    }

    public Model Model { get; }

    public IReadOnlyList<ModelImage> Images { get; }
}
