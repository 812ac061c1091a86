using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.Resources;

namespace ModelHub.Downloads;

/// <summary>Saves sample images to a folder: only real images (by content type, or by their bytes when the type is generic), under safe names, written whole or not at all.</summary>
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
        using var body = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var head = new byte[16];
        var headLength = await ReadHeadAsync(body, head, cancellationToken).ConfigureAwait(false);
        // Storage often labels every file application/octet-stream (Hugging Face's LFS files): then the bytes say what it is.
        var extension = ExtensionOf(mediaType) ?? (IsGeneric(mediaType) ? SniffedExtension(head, headLength) : null) ?? throw new InvalidHubResponseException(
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
                await file.WriteAsync(head, 0, headLength, cancellationToken).ConfigureAwait(false);
                await body.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
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

    private static async Task<int> ReadHeadAsync(Stream body, byte[] head, CancellationToken cancellationToken)
    {
        var length = 0;
        int read;
        while (length < head.Length && (read = await body.ReadAsync(head, length, head.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static bool IsGeneric(string mediaType) =>
        mediaType.Length == 0 || mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>The image format the first bytes announce (PNG, JPEG, GIF, WebP, AVIF signatures), or null.</summary>
    private static string? SniffedExtension(byte[] head, int length)
    {
        bool Starts(int offset, params byte[] signature) =>
            length >= offset + signature.Length && signature.Select((value, index) => head[offset + index] == value).All(same => same);

        return Starts(0, 0x89, (byte)'P', (byte)'N', (byte)'G') ? ".png"
            : Starts(0, 0xFF, 0xD8, 0xFF) ? ".jpeg"
            : Starts(0, (byte)'G', (byte)'I', (byte)'F', (byte)'8') ? ".gif"
            : Starts(0, (byte)'R', (byte)'I', (byte)'F', (byte)'F') && Starts(8, (byte)'W', (byte)'E', (byte)'B', (byte)'P') ? ".webp"
            : Starts(4, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', (byte)'f') ? ".avif"
            : null;
    }

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
