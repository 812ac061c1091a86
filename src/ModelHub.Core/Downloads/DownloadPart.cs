using System.Text.Json.Serialization;

namespace ModelHub.Downloads;

/// <summary>
/// One byte range of a download, fetched by one connection with one ranged request (and resumed on its own):
/// the bytes from <see cref="From"/> to <see cref="To"/>, of which the first <see cref="Done"/> are in the staging file.
/// Also the shape a part takes in the staging state file.
/// </summary>
internal sealed class DownloadPart
{
    public DownloadPart(long from, long? to, long done)
    {
        From = from;
        To = to;
        Done = done;
    }

    public long From { get; }

    /// <summary>The last byte, inclusive; null while the file's size is unknown (a single part read to its end).</summary>
    public long? To { get; set; }

    /// <summary>Bytes written from <see cref="From"/> on, without a gap. Changed under the <see cref="PartTable"/>'s lock.</summary>
    public long Done { get; set; }

    /// <summary>The offset of the next byte to fetch.</summary>
    [JsonIgnore]
    public long Next => From + Done;

    [JsonIgnore]
    public bool IsComplete => To is { } to && Next > to;

    /// <summary>Whether a connection has taken this part in the current run.</summary>
    [JsonIgnore]
    public bool Taken { get; set; }
}
