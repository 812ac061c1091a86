using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Settings;

namespace ModelHub.Connections;

/// <summary>Connect-Hub and Disconnect-Hub: a token is checked against its hub before it is kept for the session or persisted.</summary>
public sealed class HubConnector
{
    private readonly IReadOnlyDictionary<Hub, IModelSource> _sources;
    private readonly SessionTokens _session;
    private readonly TokenFiles _files;

    public HubConnector(IEnumerable<IModelSource> sources, SessionTokens session, TokenFiles files)
    {
        _sources = sources.ToDictionary(source => source.Hub);
        _session = session;
        _files = files;
    }

    /// <summary>Where a persisted token of this hub is written.</summary>
    public string TokenFile(Hub hub) => _files.PathFor(hub);

    /// <summary>Checks the token, then keeps it for the session and, with <paramref name="persist"/>, in the hub's token file.</summary>
    public async Task<HubAccount> ConnectAsync(Hub hub, string token, bool persist, HubCallOptions options, CancellationToken cancellationToken)
    {
        var user = await _sources[hub].WhoAmIAsync(token, options, cancellationToken).ConfigureAwait(false);
        _session.Set(hub, token);
        return new HubAccount { Hub = hub, UserName = user, TokenFile = persist ? _files.Save(hub, token) : null };
    }

    /// <summary>Forgets the session's token and, with <paramref name="persisted"/>, deletes the token file; true when anything was there.</summary>
    public bool Disconnect(Hub hub, bool persisted) =>
        _session.Remove(hub) | (persisted && _files.Delete(hub));
}
