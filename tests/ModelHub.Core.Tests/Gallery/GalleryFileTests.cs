using System;
using System.IO;
using System.Text;
using ModelHub.Errors;
using ModelHub.Gallery;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Gallery;

public sealed class GalleryFileTests
{
    [Fact]
    public void Writes_the_page_as_utf8_without_a_bom_creating_the_folder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "new", "gallery.html");

        var file = GalleryFile.Write(path, "<p>ü</p>");

        Assert.Equal(path, file.FullName);
        Assert.Equal(Encoding.UTF8.GetBytes("<p>ü</p>"), File.ReadAllBytes(path));
    }

    [Fact]
    public void Replaces_an_older_page_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("gallery.html", "old");

        GalleryFile.Write(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_path_that_cannot_be_written_is_GalleryNotWritten()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "taken.html"));

        var error = Assert.Throws<ModelHubException>(() => GalleryFile.Write(Path.Combine(folder.Path, "taken.html"), "page"));

        Assert.Equal(ErrorIds.GalleryNotWritten, error.ErrorId);
        Assert.Equal(Path.Combine(folder.Path, "taken.html"), error.Target);
        Assert.Equal(new[] { Path.Combine(folder.Path, "taken.html") }, Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void The_default_page_is_in_the_temp_folder_named_after_the_time()
    {
        var path = GalleryFile.DefaultPath(new DateTimeOffset(2025, 5, 1, 13, 4, 5, 678, TimeSpan.Zero));

        Assert.Equal(Path.Combine(Path.GetTempPath(), "ModelHub-Gallery-20250501-130405-678.html"), path);
    }
}
