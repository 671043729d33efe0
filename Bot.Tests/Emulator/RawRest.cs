using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A bare HttpClient against the emulator, with a bot's headers unless told otherwise.</summary>
internal sealed class RawRest(DiscordEmulator emulator, bool authorized = true) : IDisposable
{
    private readonly HttpClient http = new();

    public record Answer(int Status, JsonNode? Body, HttpResponseMessage Response)
    {
        public int? Code => Body?["code"]?.GetValue<int>();

        public string? Header(string name) => Response.Headers.TryGetValues(name, out var values) ? values.First() : null;
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> PostAsync(string path, JsonNode? body, string? auditReason = null) =>
        SendAsync(HttpMethod.Post, path, body, auditReason is null ? null : r => r.Headers.Add("X-Audit-Log-Reason", Uri.EscapeDataString(auditReason)));

    public Task<Answer> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Answer> PatchAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, JsonNode? body, Action<HttpRequestMessage>? tweak = null)
    {
        using var request = new HttpRequestMessage(method, emulator.ApiBaseUrl + path);
        if (authorized)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", emulator.Token);
        request.Headers.UserAgent.ParseAdd("DiscordBot (https://example.org/crosscoaching, 0.1)");
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        tweak?.Invoke(request);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
        return new Answer((int)response.StatusCode, json, response);
    }

    public void Dispose() => http.Dispose();
}
