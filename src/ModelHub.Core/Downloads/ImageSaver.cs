using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.Resources;

namespace ModelHub.Downloads;

/// <summary>Saves sample images to a folder: only real images (by content type), under safe names, written whole or not at all.</summary>
public sealed class ImageSaver
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;

    public ImageSaver(HubHttpClient http, HubRequestFactory requests)
    {
        _http = http;
        _requests = requests;
    }

    /// <summary>The file an image would be saved as in <paramref name="folder"/> (the extension is settled by its content type when saved).</summary>
    public static string PlannedPath(ModelImage image, string folder) =>
        Path.Combine(folder, SafeFileName.From(BaseName(image) + Path.GetExtension(image.Url.AbsolutePath), BaseName(image)));

    /// <summary>Downloads the image into <paramref name="folder"/> and returns the file's path (an older file of that name is replaced).</summary>
    public Task<string> SaveAsync(ModelImage image, string folder, HubCallOptions options, CancellationToken cancellationToken) =>
        DownloadAsync(image, extension => Path.Combine(folder, SafeFileName.From(BaseName(image) + extension, "image" + extension)), replace: true, options, cancellationToken);

    /// <summary>
    /// Downloads the image to <paramref name="basePath"/> plus the extension its content type gives (".png", ".jpeg", …)
    /// and returns that path. An existing file there is never replaced (an <see cref="IOException"/>): a preview the user
    /// put beside a model stays.
    /// </summary>
    public Task<string> SaveAsAsync(ModelImage image, string basePath, HubCallOptions options, CancellationToken cancellationToken) =>
        DownloadAsync(image, extension => basePath + extension, replace: false, options, cancellationToken);

    /// <summary>Downloads a real image (by content type) to a temporary file beside its path, then moves it into place in one step.</summary>
    private async Task<string> DownloadAsync(ModelImage image, Func<string, string> pathFor, bool replace, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.CreateForUrl(image.Hub, image.Url, options, Redaction.Url(image.Url), accept: "image/*");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? string.Empty;
        var extension = ExtensionOf(mediaType) ?? throw new InvalidHubResponseException(
            Text.Format(Messages.NotAnImage, Redaction.Url(image.Url), mediaType.Length == 0 ? "none" : mediaType), Messages.InvalidResponseAction)
        {
            Hub = image.Hub,
            Target = Redaction.Url(image.Url),
        };

        var path = pathFor(extension);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await response.Content!.CopyToAsync(file).ConfigureAwait(false);
            }

            if (replace && File.Exists(path))
            {
                File.Replace(partial, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(partial, path);
            }

            return path;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static string BaseName(ModelImage image) =>
        $"{image.ModelId.Replace('/', '_')}_{image.ImageId ?? Path.GetFileNameWithoutExtension(image.Url.AbsolutePath)}";

    private static string? ExtensionOf(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" or "image/jpg" => ".jpeg",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "image/avif" => ".avif",
        _ => null,
    };
}
