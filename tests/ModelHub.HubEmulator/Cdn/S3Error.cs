using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>An error as S3-compatible storage answers it: a status and an XML &lt;Error&gt; body with Code, Message and details.</summary>
internal sealed record S3Error(int Status, string Code, string Message, IReadOnlyList<KeyValuePair<string, string>> Details)
{
    public static S3Error AccessDenied() =>
        new(StatusCodes.Status403Forbidden, "AccessDenied", "Access Denied", []);

    public static S3Error Expired(long expiresSeconds, DateTimeOffset expiredAt, DateTimeOffset now) =>
        new(StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired",
        [
            new("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
            new("Expires", expiredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("ServerTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ]);

    public static S3Error SignatureDoesNotMatch() =>
        new(StatusCodes.Status403Forbidden, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.", []);

    public static S3Error QueryParameters(string message) =>
        new(StatusCodes.Status400BadRequest, "AuthorizationQueryParametersError", message, []);

    /// <summary>A pre-signed URL requested with an Authorization header too: S3 refuses two ways of authenticating.</summary>
    public static S3Error TwoAuthMechanisms(string authorization) =>
        new(StatusCodes.Status400BadRequest, "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
            [new("ArgumentName", "Authorization"), new("ArgumentValue", authorization)]);

    /// <summary>An Authorization header S3 does not understand, such as a hub's bearer token, on an unsigned URL.</summary>
    public static S3Error UnsupportedAuthorization(string authorization) =>
        new(StatusCodes.Status400BadRequest, "InvalidArgument", "Unsupported Authorization Type",
            [new("ArgumentName", "Authorization"), new("ArgumentValue", authorization)]);

    public static S3Error NoSuchKey(string key) =>
        new(StatusCodes.Status404NotFound, "NoSuchKey", "The specified key does not exist.", [new("Key", key)]);

    public static S3Error InvalidRange(string range, long size) =>
        new(StatusCodes.Status416RangeNotSatisfiable, "InvalidRange", "The requested range is not satisfiable",
            [new("RangeRequested", range), new("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture))]);

    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        response.Headers["x-amz-request-id"] = requestId;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var error = new XElement("Error", new XElement("Code", Code), new XElement("Message", Message));
        foreach (var (name, value) in Details)
        {
            error.Add(new XElement(name, value));
        }

        error.Add(new XElement("RequestId", requestId), new XElement("HostId", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + error.ToString(SaveOptions.DisableFormatting));
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
