using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Settings;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ModelHub.Http;

/// <summary>
/// Retries one hop on transport failures and transient statuses, waiting as the hub asks (Retry-After,
/// RateLimit) or with jittered backoff, with a timeout per attempt. The body is read (and guarded by the
/// read-idle timeout) inside the attempt, so a stalled or dropped API body is retried too.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HubRequest> RequestKey = new("ModelHub.HubRequest");

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<RetrySettings, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();
    private readonly Random _jitter;

    public ResilienceHandler(TimeProvider time, Random jitter)
    {
        _time = time;
        _jitter = jitter;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var hubRequest = HubRequest.Of(request);
        var pipeline = _pipelines.GetOrAdd(hubRequest.Retry, Build);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, hubRequest);
        try
        {
            return await pipeline.ExecuteAsync(
                async (ctx, message) =>
                {
                    var attempt = hubRequest.CountAttempt();
                    hubRequest.Trace?.Sending(message.Method, Redaction.Url(message.RequestUri!), attempt);
                    var response = await base.SendAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                    return await GuardBodyAsync(hubRequest, response, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                request).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> GuardBodyAsync(HubRequest hubRequest, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return response;
        }

        var guarded = new IdleTimeoutContent(response.Content, hubRequest.Retry.ReadIdleTimeout, _time);
        response.Content = guarded;
        if (!hubRequest.BufferContent || hubRequest.Method == HttpMethod.Head)
        {
            return response;
        }

        try
        {
            using var body = await guarded.ReadAsStreamAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(buffer.ToArray());
            foreach (var header in guarded.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            guarded.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RetrySettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = ShouldRetryAsync,
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Outcome, args.AttemptNumber, settings)),
                OnRetry = args =>
                {
                    var hubRequest = args.Context.Properties.GetValue(RequestKey, null!);
                    hubRequest.Trace?.Retrying(Redaction.Url(hubRequest.Uri), args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    return default;
                },
            });
        }

        return builder.AddTimeout(settings.AttemptTimeout).Build();
    }

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Exception is { } exception)
        {
            return HubErrorTranslator.IsTransientException(exception) && !args.Context.CancellationToken.IsCancellationRequested;
        }

        var response = args.Outcome.Result!;
        if (!HubErrorTranslator.IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        var requested = RetryDelay.Requested(response, _time.GetUtcNow());
        if (requested > RetryDelay.MaxHonouredServerDelay)
        {
            return false;
        }

        return response.StatusCode != (HttpStatusCode)429
            || response.Content is null
            || !HubErrorTranslator.IsPermanentRateLimit(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private TimeSpan NextDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber, RetrySettings settings)
    {
        if (outcome.Result is { } response && RetryDelay.Requested(response, _time.GetUtcNow()) is { } requested)
        {
            return requested;
        }

        lock (_jitter)
        {
            return RetryDelay.Backoff(attemptNumber, settings, _jitter);
        }
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception is TimeoutRejectedException ? "attempt timed out" : exception.GetType().Name + ": " + exception.Message
            : "HTTP " + (int)outcome.Result!.StatusCode;
}
