// Drives a Cockpit silo's MCP endpoint with the official MCP TypeScript SDK client (streamable HTTP).
//   node client.mjs <url> '<plan>' ['<headers>']
// headers: extra HTTP headers for every request, e.g. {"Cookie": "…", "X-CSRF-Token": "…"} for a signed-in session.
// plan: {"listTools": true, "calls": [{"name": "get_job", "arguments": {"job_id": "..."}}]}
// Prints one JSON line: {"server", "tools"?, "calls": [{"name", "result"} | {"name", "error": {"code", "message"}}]}.
// A protocol error (unknown tool, ...) is reported per call; anything else fails the process.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const [url, planText, headersText] = process.argv.slice(2);
if (!url || !planText) {
  console.error('usage: node client.mjs <url> <plan-json>');
  process.exit(2);
}
const plan = JSON.parse(planText);

const client = new Client({ name: 'cockpit-mcp-tests', version: '1.0.0' });
const headers = headersText ? JSON.parse(headersText) : {};
await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
const output = { server: client.getServerVersion() ?? null, calls: [] };
try {
  if (plan.listTools) output.tools = (await client.listTools()).tools;
  for (const call of plan.calls ?? []) {
    try {
      output.calls.push({ name: call.name, result: await client.callTool({ name: call.name, arguments: call.arguments ?? {} }) });
    } catch (error) {
      if (!(error instanceof McpError)) throw error;
      output.calls.push({ name: call.name, error: { code: error.code, message: error.message } });
    }
  }
} finally {
  await client.close();
}
console.log(JSON.stringify(output));
