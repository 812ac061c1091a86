using System;
using System.IO;
using System.Reflection;
using ModelHub.IO;

namespace ModelHub.Settings;

/// <summary>
/// The persisted tokens: Hugging Face's in huggingface_hub's token file (so the hf CLI and diffusers share the
/// login), Civitai's in the state folder. Written atomically and readable by the user only.
/// </summary>
public sealed class TokenFiles
{
    // UserRead | UserWrite (0600), set through File.SetUnixFileMode where the runtime has it (.NET 7+ on Unix).
    private const int OwnerOnly = 0x180;

    private readonly SettingsReader _settings;
    private readonly TokenResolver _tokens;

    public TokenFiles(SettingsReader settings, TokenResolver tokens)
    {
        _settings = settings;
        _tokens = tokens;
    }

    public string PathFor(Hub hub) =>
        hub == Hub.Civitai ? Path.Combine(_settings.Read().StateFolder, TokenResolver.CivitaiTokenFileName) : _tokens.HuggingFaceTokenPath();

    /// <summary>Writes the token file (replacing an old one) and returns its path.</summary>
    public string Save(Hub hub, string token)
    {
        var path = Path.GetFullPath(PathFor(hub));

        // huggingface_hub writes the bare token without a newline; so does this.
        AtomicFile.WriteAllText(path, token, RestrictToOwner);
        return path;
    }

    /// <summary>Deletes the token file; false when there was none.</summary>
    public bool Delete(Hub hub)
    {
        var path = PathFor(hub);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private static void RestrictToOwner(string path)
    {
        var modeType = Type.GetType("System.IO.UnixFileMode");
        var setMode = modeType is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), modeType });
        if (setMode is null || Path.DirectorySeparatorChar == '\\')
        {
            return; // Windows: the user profile's ACLs already keep the file private.
        }

        try
        {
            setMode.Invoke(null, new[] { path, Enum.ToObject(modeType!, OwnerOnly) });
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
