using System;
using System.Net.Http;

namespace ModelHub.Downloads;

/// <summary>
/// The staged bytes cannot be continued: the server sent the whole file to a range request (it ignores ranges,
/// or the file changed and If-Range failed), or its size or validator changed. The download starts over from
/// the first byte, with <see cref="WholeBody"/> when the server already sent it.
/// </summary>
internal sealed class RestartFromZeroException : Exception
{
    public RestartFromZeroException(HttpResponseMessage? wholeBody)
    {
        WholeBody = wholeBody;
    }

    /// <summary>A 200 response carrying the whole file, ready to be read; null when a new request must fetch it.</summary>
    public HttpResponseMessage? WholeBody { get; }
}
