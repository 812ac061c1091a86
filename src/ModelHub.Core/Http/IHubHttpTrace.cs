using System;
using System.Net.Http;

namespace ModelHub.Http;

/// <summary>
/// What the HTTP layer tells its caller while it works: the cmdlets show requests as Verbose and
/// retry decisions as Debug. URLs arrive already redacted.
/// </summary>
public interface IHubHttpTrace
{
    void Sending(HttpMethod method, string redactedUrl, int attempt);

    void Retrying(string redactedUrl, int attempt, TimeSpan delay, string reason);
}
