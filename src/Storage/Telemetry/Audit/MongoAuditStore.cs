using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// The audit trail in MongoDB (MONGODB_URL), as the seed's cockpit kept it: one document per entry in
/// <c>audit_entries</c>, payloads as sub-documents so they can be queried in MongoDB itself. Behaves like
/// <see cref="PostgresAuditStore"/>: same order, same paging, same idempotency.
/// </summary>
/// <remarks>
/// The entry id is <c>entry_id</c> (unique index; <c>_id</c> stays MongoDB's own ObjectId), written with an upsert
/// that only inserts, so a resent entry is found rather than duplicated. Ids are canonical UUID strings, which sort
/// like PostgreSQL's uuid type, so both stores break ties between equal times the same way. Times are kept twice:
/// <c>at</c> as a BSON date (milliseconds, for people and tools) and <c>at_us</c> as microseconds since 1970, which
/// ordering and cursors use, so both stores agree to the microsecond.
/// </remarks>
public sealed class MongoAuditStore : IAuditStore
{
    public const string CollectionName = "audit_entries";

    private const int DuplicateKey = 11000;
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly IMongoCollection<BsonDocument> _collection;
    private readonly Lazy<Task> _indexes;

    public MongoAuditStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _collection = database.GetCollection<BsonDocument>(CollectionName);
        _indexes = new Lazy<Task>(CreateIndexesAsync);
    }

    public string Backend => "mongodb";

    /// <summary>The database named in the URL's path, or <paramref name="fallbackDatabase"/> when it names none.</summary>
    public static IMongoDatabase Connect(string url, string fallbackDatabase = "cockpit")
    {
        var mongoUrl = MongoUrl.Create(url);
        var client = new MongoClient(mongoUrl);
        return client.GetDatabase(string.IsNullOrEmpty(mongoUrl.DatabaseName) ? fallbackDatabase : mongoUrl.DatabaseName);
    }

    public async Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return [];
        await _indexes.Value;

        // A batch may repeat an id (a resend inside one request): the first copy is the one stored.
        var distinct = entries.DistinctBy(e => e.Id).ToList();
        var writes = distinct.Select(e =>
        {
            var document = ToDocument(e);
            document.Remove("entry_id"); // the filter's equality puts it into an inserted document
            var insertOnly = Builders<BsonDocument>.Update.Combine(document.Elements.Select(el => Builders<BsonDocument>.Update.SetOnInsert(el.Name, el.Value)));
            return new UpdateOneModel<BsonDocument>(Builders<BsonDocument>.Filter.Eq("entry_id", Id(e.Id)), insertOnly) { IsUpsert = true };
        }).ToList();
        IEnumerable<int> inserted;
        try
        {
            var result = await _collection.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            inserted = result.Upserts.Select(u => u.Index);
        }
        catch (MongoBulkWriteException<BsonDocument> e) when (e.WriteErrors.All(w => w.Code == DuplicateKey) && e.WriteConcernError is null)
        {
            // Two writers raced on one id: the unique index let one insert, the other found it taken.
            inserted = e.Result.Upserts.Select(u => u.Index);
        }
        return [.. inserted.Order().Select(i => distinct[i].Id)];
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _indexes.Value;
        var limit = query.EffectiveLimit;
        var f = Builders<BsonDocument>.Filter;
        var scope = f.Eq("job_id", Id(query.JobId));
        if (query.StepTypes is { Count: > 0 } types) scope &= f.In("step_type", types);
        var filter = scope;
        if (query.After is { } after)
        {
            var at = Micros(after.At);
            filter &= query.NewestFirst
                ? f.Or(f.Lt("at_us", at), f.And(f.Eq("at_us", at), f.Lt("entry_id", Id(after.Id))))
                : f.Or(f.Gt("at_us", at), f.And(f.Eq("at_us", at), f.Gt("entry_id", Id(after.Id))));
        }
        var s = Builders<BsonDocument>.Sort;
        var sort = query.NewestFirst ? s.Descending("at_us").Descending("entry_id") : s.Ascending("at_us").Ascending("entry_id");
        var documents = await _collection.Find(filter).Sort(sort).Limit(limit + 1)
            .Project(Builders<BsonDocument>.Projection.Exclude("request").Exclude("response").Exclude("request_json").Exclude("response_json"))
            .ToListAsync(cancellationToken);
        var total = await _collection.CountDocumentsAsync(scope, cancellationToken: cancellationToken);

        var items = documents.Select(d => new AuditEntrySummary(
            Guid(d["entry_id"]), Guid(d["job_id"]), Guid(d["agent_id"]), d["step_type"].AsString, FromMicros(d["at_us"].ToInt64()),
            Text(d, "name"), Text(d, "summary"), Text(d, "model"), Long(d, "duration_ms"), Int(d, "tokens_in"), Int(d, "tokens_out"),
            Text(d, "error"), d.GetValue("has_request", false).ToBoolean(), d.GetValue("has_response", false).ToBoolean())
        {
            CostUsd = Cost(d),
        }).ToList();
        AuditCursor? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            next = new AuditCursor(items[^1].At, items[^1].Id);
        }
        return new AuditPage(items, next, total);
    }

    public async Task<AuditEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await _indexes.Value;
        var document = await _collection.Find(Builders<BsonDocument>.Filter.Eq("entry_id", Id(id))).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : FromDocument(document);
    }

    public async Task<IReadOnlyList<AuditEntry>> LlmCallsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await _indexes.Value;
        var f = Builders<BsonDocument>.Filter;
        var documents = await _collection.Find(f.Eq("job_id", Id(jobId)) & f.Eq("step_type", AuditStepTypes.Llm))
            .Sort(Builders<BsonDocument>.Sort.Ascending("at_us").Ascending("entry_id")).Limit(limit).ToListAsync(cancellationToken);
        return [.. documents.Select(FromDocument)];
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await _indexes.Value;
        var groups = await _collection.Aggregate()
            .Match(Builders<BsonDocument>.Filter.Eq("job_id", Id(jobId)))
            .Group(new BsonDocument { { "_id", "$step_type" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var g in groups) counts[g["_id"].AsString] = g["count"].ToInt64();
        return counts;
    }

    private Task CreateIndexesAsync()
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        return _collection.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("entry_id"), new CreateIndexOptions { Name = "entry_id", Unique = true }),
            new CreateIndexModel<BsonDocument>(keys.Ascending("job_id").Ascending("at_us").Ascending("entry_id"), new CreateIndexOptions { Name = "job_at" }),
            new CreateIndexModel<BsonDocument>(keys.Ascending("job_id").Ascending("step_type").Ascending("at_us").Ascending("entry_id"), new CreateIndexOptions { Name = "job_step_at" }),
        ]);
    }

    private static BsonDocument ToDocument(AuditEntry e)
    {
        var document = new BsonDocument
        {
            { "entry_id", Id(e.Id) },
            { "job_id", Id(e.JobId) },
            { "agent_id", Id(e.AgentId) },
            { "step_type", e.StepType },
            { "at", new BsonDateTime(e.At.UtcDateTime) },
            { "at_us", Micros(e.At) },
            { "has_request", e.Request is not null },
            { "has_response", e.Response is not null },
            { "received_at", new BsonDateTime(DateTime.UtcNow) },
        };
        SetText(document, "name", e.Name);
        SetText(document, "summary", e.Summary);
        SetText(document, "model", e.Model);
        SetText(document, "error", e.Error);
        SetPayload(document, "request", e.Request);
        SetPayload(document, "response", e.Response);
        if (e.DurationMs is { } duration) document["duration_ms"] = duration;
        if (e.TokensIn is { } tokensIn) document["tokens_in"] = tokensIn;
        if (e.TokensOut is { } tokensOut) document["tokens_out"] = tokensOut;
        // Decimal128 keeps the nine decimals exactly, as PostgreSQL's numeric does.
        if (e.CostUsd is { } cost) document["cost_usd"] = new BsonDecimal128(cost);
        return document;
    }

    private static AuditEntry FromDocument(BsonDocument d) => new(
        Guid(d["entry_id"]), Guid(d["job_id"]), Guid(d["agent_id"]), d["step_type"].AsString, FromMicros(d["at_us"].ToInt64()),
        Text(d, "name"), Text(d, "summary"), Payload(d, "request"), Payload(d, "response"),
        Long(d, "duration_ms"), Int(d, "tokens_in"), Int(d, "tokens_out"), Text(d, "error"))
    {
        CostUsd = Cost(d),
    };

    private static decimal? Cost(BsonDocument d) =>
        d.TryGetValue("cost_usd", out var cost) && !cost.IsBsonNull ? cost.ToDecimal() : null;

    private static void SetPayload(BsonDocument document, string name, JsonElement? payload)
    {
        if (payload is not { } value) return;
        if (BsonJson.ToDocument(value) is { } sub) document[name] = sub;
        else document[name + "_json"] = value.GetRawText();
    }

    private static JsonElement? Payload(BsonDocument d, string name)
    {
        if (d.TryGetValue(name, out var sub) && sub.IsBsonDocument) return BsonJson.ToJson(sub);
        if (d.TryGetValue(name + "_json", out var text) && text.IsString)
        {
            using var document = JsonDocument.Parse(text.AsString);
            return document.RootElement.Clone();
        }
        return null;
    }

    private static void SetText(BsonDocument document, string name, string? value)
    {
        if (value is not null) document[name] = value;
    }

    private static BsonString Id(Guid id) => new(id.ToString("D"));

    private static Guid Guid(BsonValue value) => System.Guid.Parse(value.AsString);

    private static long Micros(DateTimeOffset at) => (at.UtcTicks - UnixEpochTicks) / 10;

    private static DateTimeOffset FromMicros(long micros) => new(UnixEpochTicks + (micros * 10), TimeSpan.Zero);

    private static string? Text(BsonDocument d, string name) => d.TryGetValue(name, out var v) && v.IsString ? v.AsString : null;

    private static long? Long(BsonDocument d, string name) => d.TryGetValue(name, out var v) && v.IsNumeric ? v.ToInt64() : null;

    private static int? Int(BsonDocument d, string name) => d.TryGetValue(name, out var v) && v.IsNumeric ? v.ToInt32() : null;
}
