using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// How a verification is written, resolved once: the Host's JSON options' contract for
/// <see cref="Verification"/> (the same bytes as <c>TypedResults.Ok</c> writes), without the
/// per-answer lookup of the runtime type that a generic result does on the hottest route.
/// </summary>
internal sealed class VerificationJson(IOptions<JsonOptions> options)
{
    public string ContentType { get; } = "application/json; charset=utf-8";

    public JsonTypeInfo<Verification> TypeInfo { get; } =
        (JsonTypeInfo<Verification>)options.Value.SerializerOptions.GetTypeInfo(typeof(Verification));
}
