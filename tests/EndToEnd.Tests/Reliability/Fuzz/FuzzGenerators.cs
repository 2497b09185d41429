using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.EndToEnd.Tests.Reliability.Fuzz;

/// <summary>
/// Generators of random and malformed input for the REST and GraphQL surfaces. They lean towards almost-right input
/// (the API's own field names, ids the server knows, values of the wrong type or out of range), which gets past
/// the first checks and exercises the deeper ones, and mix in plain garbage, broken JSON and deep nesting.
/// </summary>
public static class FuzzGenerators
{
    /// <summary>Placeholders a case may name; the property fills them with the fixture's ids.</summary>
    public static readonly string[] KnownIds = ["{agent}", "{job}", "{cancelled}"];

    private static readonly string[] FieldNames =
    [
        "prompt", "config_name", "hostname", "pod_ip", "pod_port", "pid", "metadata", "status", "current_job_id", "metrics",
        "cpu_percent", "memory_mb", "tokens_processed", "progress", "total_requirements", "processed_requirements", "message",
        "error_message", "error_details", "job_id", "agent_id", "context", "document_path", "document_dir", "instructions",
        "document_set_id", "items", "kind", "audit", "requirements", "graph", "text", "priority", "step_type", "name", "id",
    ];

    private static readonly string[] Words =
    [
        "ready", "working", "booting", "completed", "failed", "offline", "sleeping", "created", "cancelled", "processing",
        "default", "127.0.0.1", "169.254.169.254", "::1", "10.0.0.7", "999.1.1.1", "localhost", "../../etc/passwd",
        "' OR 1=1 --", "<script>alert(1)</script>", "%00", "\u0000", "💥", "ℵ", "", " ", "null",
        "00000000-0000-0000-0000-000000000000", "7d8f0a52-5c3e-4b8e-9d7a-3f1c2b4a5e6d", "not-a-uuid",
    ];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "8001", "65536", "2147483648", "-9223372036854775809", "1e309", "0.5", "-0.0", "1E2", "NaN", "Infinity", "01"];

    /// <summary>Any string FsCheck makes, control characters and surrogates included.</summary>
    private static Gen<string> AnyString => ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "");

    private static Gen<string> Word => Gen.OneOf(Gen.Elements(Words), Gen.Elements(KnownIds), AnyString,
        Gen.Choose(1000, 20_000).Select(n => new string('x', n)));

    /// <summary>A JSON scalar as text: strings (escaped), numbers in and out of range, literals.</summary>
    private static Gen<string> Scalar => Gen.Frequency(
        (4, Word.Select(w => JsonSerializer.Serialize(w))),
        (2, Gen.Elements(Numbers)),
        (1, Gen.Elements("true", "false", "null")));

    /// <summary>Valid JSON text up to <paramref name="depth"/> levels: objects favour the API's field names.</summary>
    public static Gen<string> Json(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (4, from count in Gen.Choose(0, 6)
                from members in Gen.ListOf(Gen.Zip(Gen.Frequency((4, Gen.Elements(FieldNames)), (1, AnyString)), Json(depth - 1)), count)
                select "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}"),
            (1, from count in Gen.Choose(0, 4)
                from items in Gen.ListOf(Json(depth - 1), count)
                select "[" + string.Join(",", items) + "]"));

    /// <summary>Text that is not JSON, or is JSON cut short, or nests deeper than any limit.</summary>
    private static Gen<string> Malformed => Gen.OneOf(
        AnyString,
        Gen.Elements("{", "}", "[", "{\"prompt\":", "{\"status\":\"ready\"", "{prompt: 1}", "{'a':1}", "[1,]", "{\"a\":1,}", "\"", "\\u", "\uFEFF{}"),
        from json in Json(3) from cut in Gen.Choose(0, 100) select json[..Math.Min(cut, json.Length)],
        from depth in Gen.Choose(60, 400) from open in Gen.Elements("[", "{\"a\":") select string.Concat(Enumerable.Repeat(open, depth)));

    /// <summary>A request body: mostly JSON, sometimes malformed, sometimes none.</summary>
    public static Gen<string?> Body => Gen.Frequency(
        (6, Json(3).Select(s => (string?)s)),
        (3, Malformed.Select(s => (string?)s)),
        (1, Gen.Constant<string?>(null)));

    private static Gen<string?> ContentType => Gen.Frequency(
        (10, Gen.Constant<string?>("application/json")),
        (1, Gen.Elements<string?>(null, "text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/problem+json", "*/*", "application/json; charset=nope")));

    /// <summary>One path segment: a known id, a random id, or something that is not an id at all.</summary>
    private static Gen<string> Segment(bool knownIds) => knownIds
        ? Gen.Frequency((1, Gen.Elements(KnownIds)), (2, Segment(false)))
        : Gen.Frequency(
        (2, Gen.Choose(0, 1).Select(_ => Guid.NewGuid().ToString())),
        (3, AnyString.Select(Escape)),
        (2, Gen.Elements("x", "42", "%00", "%2F", "..", "%2e%2e", "%20", "-1", "00000000-0000-0000-0000-000000000000",
            "{00000000-0000-0000-0000-000000000000}", "7D8F0A52-5C3E-4B8E-9D7A-3F1C2B4A5E6D", new string('a', 4000))));

    private static readonly (string Method, string Path)[] BodyEndpoints =
    [
        ("POST", "/api/agents/register"), ("POST", "/api/agents/{agent}/heartbeat"), ("POST", "/api/agents/{agent}/telemetry"),
        ("POST", "/api/jobs"), ("POST", "/api/jobs/{job}/assign/{agent}"), ("PUT", "/api/jobs/{job}/cancel"),
        ("POST", "/api/jobs/{cancelled}/resume"), ("PUT", "/api/agents/{agent}/assign"), ("POST", "/api/documents"),
        ("PATCH", "/api/jobs/{job}"), ("POST", "/api/agents/{agent}"),
    ];

    /// <summary>REST writes with random bodies and content types.</summary>
    public static Arbitrary<RestRequest> Bodies() =>
        (from endpoint in Gen.Elements(BodyEndpoints)
         from body in Body
         from contentType in ContentType
         select new RestRequest(endpoint.Method, endpoint.Path, body, body is null ? null : contentType)).ToArbitrary();

    private static readonly (string Method, string Template, bool KnownIds)[] IdEndpoints =
    [
        ("GET", "/api/jobs/{x}", true), ("GET", "/api/agents/{x}", true), ("POST", "/api/jobs/{x}/assign/{y}", true),
        ("PUT", "/api/jobs/{x}/cancel", false), ("POST", "/api/jobs/{x}/resume", true), ("DELETE", "/api/jobs/{x}", false),
        ("DELETE", "/api/agents/{x}", false), ("POST", "/api/agents/{x}/heartbeat", false), ("PUT", "/api/agents/{x}/assign", true),
        ("GET", "/api/jobs/{x}/progress", true), ("GET", "/api/jobs/{x}/audit", true), ("GET", "/api/jobs/{x}/requirements", true),
        ("GET", "/api/jobs/{x}/chat", true), ("GET", "/api/jobs/{x}/workspace", true), ("GET", "/api/jobs/{x}/workspace/files", true),
        ("GET", "/api/jobs/{x}/todos", true), ("GET", "/api/jobs/{x}/workspace.zip", true), ("GET", "/api/graph/changes/{x}", true),
        ("GET", "/api/requests/{x}", false), ("GET", "/api/cluster/agents/{x}/silo", true), ("GET", "/api/tables/{x}", false),
        ("GET", "/api/configs/{x}", false), ("POST", "/api/agents/{x}/telemetry", false),
    ];

    /// <summary>Every route with an id in its path, given ids that are known, unknown or not ids at all.</summary>
    public static Arbitrary<RestRequest> Ids() =>
        (from endpoint in Gen.Elements(IdEndpoints)
         from x in Segment(endpoint.KnownIds)
         from y in Segment(endpoint.KnownIds)
         from body in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Body))
         select new RestRequest(endpoint.Method, endpoint.Template.Replace("{x}", x).Replace("{y}", y), body,
             body is null ? null : "application/json")).ToArbitrary();

    private static readonly string[] QueryPaths =
    [
        "/api/jobs", "/api/agents", "/api/stats/daily", "/api/stats/agents", "/api/stats/queue", "/api/stats/stuck", "/api/tables",
        "/api/tables/jobs", "/api/tables/agents", "/api/configs", "/api/cluster/silos", "/api/jobs/{job}/audit",
        "/api/jobs/{job}/requirements", "/api/jobs/{job}/chat", "/api/jobs/{job}/workspace/files", "/api/jobs/{job}/workspace",
        "/api/jobs/{job}/progress", "/api/graph/changes/{job}", "/health/ready",
    ];

    private static readonly string[] QueryKeys =
    [
        "status", "limit", "offset", "config_name", "days", "threshold_minutes", "step_types", "step_type", "cursor", "after",
        "first", "priority", "tag", "path", "since", "at", "agent_id", "search", "name", "order",
    ];

    /// <summary>GET routes with random query strings: known parameters with odd values, unknown parameters, repeats.</summary>
    public static Arbitrary<RestRequest> Queries() =>
        (from path in Gen.Elements(QueryPaths)
         from count in Gen.Choose(1, 5)
         from pairs in Gen.ListOf(Gen.Zip(
             Gen.Frequency((5, Gen.Elements(QueryKeys)), (1, AnyString.Select(Escape))),
             Gen.OneOf(Word, Gen.Elements(Numbers), Gen.Elements("created,bogus", ",,", "ready,working", "-1", "1000000", "9999999999"))
                 .Select(Escape)), count)
         select new RestRequest("GET", path + "?" + string.Join("&", pairs.Select(p => $"{p.Item1}={p.Item2}")), null, null)).ToArbitrary();

    /// <summary>A GraphQL document and a generator of variables for it.</summary>
    private static readonly (string Query, string[] Variables)[] Documents =
    [
        ("query($id: ID!) { job(id: $id) { id status progress { etaSeconds } timeline { cause } } }", ["id"]),
        ("query($id: ID!) { agent(id: $id) { id status currentJob { id } silo } }", ["id"]),
        ("query($f: Int, $a: String, $s: [JobStatus!], $q: String) { jobs(first: $f, after: $a, statuses: $s, search: $q) { totalCount nodes { id } pageInfo { endCursor } } }", ["f", "a", "s", "q"]),
        ("query($s: [AgentStatus!], $c: String) { agents(status: $s, configName: $c) { id } }", ["s", "c"]),
        ("query($n: String!, $o: Int, $l: Int) { tableRows(name: $n, offset: $o, limit: $l) { total rows } }", ["n", "o", "l"]),
        ("query($d: Int, $t: Int) { stats { daily(days: $d) { day } failureRate(days: $d) stuckJobs(thresholdMinutes: $t) { minutesSinceProgress } } }", ["d", "t"]),
        ("query($id: ID!, $p: String!) { job(id: $id) { workspace { file(path: $p) { content truncated } } } }", ["id", "p"]),
        ("query($id: ID!, $f: Int, $a: String, $st: [String!]) { job(id: $id) { audit(first: $f, after: $a, stepTypes: $st) { totalCount } requirements(first: $f, after: $a) { totalCount } } }", ["id", "f", "a", "st"]),
        ("query($id: ID!, $at: DateTime) { job(id: $id) { graph(at: $at) { deltas { op } } chat { role } } }", ["id", "at"]),
        ("query($id: ID!) { llmRequest(id: $id) { id } }", ["id"]),
        ("mutation($input: CreateJobInput!) { createJob(input: $input) { id status } }", ["input"]),
        ("mutation($j: ID!, $a: ID!) { assignJob(jobId: $j, agentId: $a) { id status } }", ["j", "a"]),
        ("mutation($j: ID!) { cancelJob(jobId: $j) { id status } }", ["j"]),
        ("mutation($j: ID!, $a: ID) { resumeJob(jobId: $j, agentId: $a) { id status } }", ["j", "a"]),
        ("mutation($ids: [ID!]!) { cancelJobs(ids: $ids) { id ok code } }", ["ids"]),
        ("mutation($j: ID!) { deleteJob(jobId: $j) }", ["j"]),
        ("subscription { jobChanged { id } }", []),
        ("{ __schema { types { name fields { name } } } }", []),
    ];

    private static readonly string[] InputFields = ["prompt", "documentPath", "documentDir", "documentSetId", "configName", "context", "instructions", "bogus"];

    /// <summary>A value for a GraphQL variable: ids the server knows, JSON of any shape, input objects with the schema's field names.</summary>
    private static Gen<string> VariableValue(bool knownIds) => knownIds
        ? Gen.Frequency((1, Gen.Elements(KnownIds).Select(id => JsonSerializer.Serialize(id))), (3, VariableValue(false)))
        : Gen.Frequency(
        (4, Json(2)),
        (2, from count in Gen.Choose(0, 5)
            from members in Gen.ListOf(Gen.Zip(Gen.Elements(InputFields), Json(1)), count)
            select "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}"),
        (1, Gen.Elements(Numbers)));

    /// <summary>GraphQL over HTTP: real documents with random variables, documents with random damage, and garbage envelopes.</summary>
    public static Arbitrary<GraphQLRequestCase> GraphQL() =>
        Gen.Frequency(
            (6, from doc in Gen.Elements(Documents)
                from values in Gen.ListOf(VariableValue(knownIds: !doc.Query.Contains("deleteJob", StringComparison.Ordinal)), doc.Variables.Length)
                from overGet in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
                select Envelope(doc.Query, "{" + string.Join(",", doc.Variables.Zip(values, (n, v) => JsonSerializer.Serialize(n) + ":" + v)) + "}", overGet)),
            (2, from doc in Gen.Elements(Documents)
                from cuts in Gen.ListOf(Gen.Zip(Gen.Choose(0, 200), Gen.Elements("", "{", "}", "(", ")", "$", "!", "\"", "...", "@skip", "#", "\n", "__typename", "a:"))
                    , 3)
                select Envelope(Damage(doc.Query, cuts), "{}", false)),
            (1, from depth in Gen.Choose(5, 200)
                select Envelope(string.Concat(Enumerable.Repeat("{ jobs { nodes { assignedAgent { currentJob ", depth)) + "id" + new string('}', depth * 4) + " }", "{}", false)),
            (1, from aliases in Gen.Choose(1, 500)
                select Envelope("{ " + string.Concat(Enumerable.Range(0, aliases).Select(i => $"a{i}: stats {{ queue {{ created }} }} ")) + "}", "{}", false)),
            (2, from raw in Gen.OneOf(Malformed, Json(3), AnyString.Select(s => "{\"query\":" + JsonSerializer.Serialize(s) + "}"),
                     Json(2).Select(v => "{\"query\":\"{ agents { id } }\",\"variables\":" + v + ",\"operationName\":" + v + "}"))
                from contentType in Gen.Elements("application/json", "application/graphql-response+json", "text/plain", "application/graphql")
                select new GraphQLRequestCase(raw, false, contentType))).ToArbitrary();

    private static GraphQLRequestCase Envelope(string query, string variables, bool overGet) => overGet
        ? new GraphQLRequestCase("?query=" + Escape(query) + "&variables=" + Escape(variables), true, "application/json")
        : new GraphQLRequestCase("{\"query\":" + JsonSerializer.Serialize(query) + ",\"variables\":" + variables + "}", false, "application/json");

    /// <summary>Percent-encodes any string for a URL; lone surrogates, which cannot be encoded, become U+FFFD first.</summary>
    private static string Escape(string text) => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));

    private static string Damage(string text, IEnumerable<(int At, string Insert)> cuts)
    {
        var damaged = new StringBuilder(text);
        foreach (var (at, insert) in cuts)
        {
            var position = at % (damaged.Length + 1);
            if (insert.Length == 0 && position < damaged.Length) damaged.Remove(position, 1);
            else damaged.Insert(position, insert);
        }
        return damaged.ToString();
    }
}
