using System.Text.Json;
using System.Text.Json.Serialization;

namespace TravelPermits.SharedKernel.Localization;

/// <summary>
/// Instants are written in Vietnam's time (+07:00), the contract's display time zone, whatever
/// offset they were stored with; any offset is read.
/// </summary>
public sealed class VietnamTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToOffset(Offset));
}
