// The system under test for the browser tests: a private database, a real silo serving the built cockpit, and
// reference agents, all started as processes here and stopped (by their pids) at the end.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cockpitRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(cockpitRoot, '..');

/** A loopback port that is free right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Polls `check` until it returns a truthy value or the deadline passes; the error says what was awaited. */
export async function eventually(check, what, timeoutMs = 30_000, intervalMs = 150) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Finds a built dll: an explicit path, the repo's bin/ (Release, then Debug), or an --artifacts-path layout. */
function findDll(project, dll, envVar) {
  const candidates = [
    process.env[envVar],
    join(repoRoot, 'src', project, 'bin', 'Release', 'net10.0', dll),
    join(repoRoot, 'src', project, 'bin', 'Debug', 'net10.0', dll),
    ...(process.env.COCKPIT_ARTIFACTS
      ? ['release', 'debug'].map((c) => join(process.env.COCKPIT_ARTIFACTS, 'bin', dll.replace(/\.dll$/, ''), c, dll))
      : []),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${dll} is not built; looked in:\n  ${candidates.join('\n  ')}\nBuild the solution first (dotnet build), or set ${envVar}.`);
  return found;
}

/** Parses an Npgsql connection string ("Host=…;Port=…;Username=…;Database=…") into libpq keywords for psql. */
function libpq(connectionString, database) {
  const parts = Object.fromEntries(
    connectionString.split(';').filter(Boolean).map((kv) => {
      const at = kv.indexOf('=');
      return [kv.slice(0, at).trim().toLowerCase(), kv.slice(at + 1).trim()];
    }),
  );
  const map = { host: parts.host ?? '127.0.0.1', port: parts.port ?? '5432', user: parts.username ?? parts['user id'] ?? 'postgres' };
  return { args: `host=${map.host} port=${map.port} user=${map.user} dbname=${database}`, password: parts.password, parts };
}

function psql(admin, sql) {
  const { args, password } = libpq(admin, 'postgres');
  const bin = existsSync('/usr/lib/postgresql/15/bin/psql') ? '/usr/lib/postgresql/15/bin/psql' : 'psql';
  execFileSync(bin, [args, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, stdio: 'pipe' });
}

/** A process we started: its output kept for failure messages; stopped by its own pid only. */
class Child {
  constructor(name, command, args, env) {
    this.name = name;
    this.lines = [];
    this.process = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      for (const line of String(chunk).split('\n')) if (line) this.lines.push(line);
      if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
    };
    this.process.stdout.on('data', keep);
    this.process.stderr.on('data', keep);
    this.exited = new Promise((r) => this.process.once('exit', r));
  }

  get running() {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  tail(n = 40) {
    return `--- ${this.name} (pid ${this.process.pid}) ---\n${this.lines.slice(-n).join('\n')}`;
  }

  async stop() {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000).unref())]);
    if (!stopped && this.running) {
      this.process.kill('SIGKILL');
      await this.exited;
    }
  }
}

/**
 * `demoLlm`: also start the demo LLM (src/DemoLlm; `delayMs` per call) and point the agents at it (model cockpit-demo,
 * priced in config/prices.yaml), so jobs make real LLM calls with usage and cost. `siloEnv`: more settings for the
 * silo (e.g. a fleet test lifts the registration rate limit).
 */
export async function startSystem({ agents = 2, workDelayMs = 400, demoLlm = null, siloEnv = {} } = {}) {
  const admin = process.env.COCKPIT_TEST_POSTGRES;
  if (!admin) throw new Error('COCKPIT_TEST_POSTGRES is not set (make test starts a private PostgreSQL and sets it).');
  const dist = join(cockpitRoot, 'dist', 'cockpit', 'browser');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`The cockpit is not built (${dist}); run scripts/build-cockpit.sh first.`);
  const siloDll = findDll('Silo', 'Cockpit.Silo.dll', 'COCKPIT_SILO_DLL');
  const agentDll = findDll('Agent', 'Cockpit.Agent.dll', 'COCKPIT_AGENT_DLL');
  const demoLlmDll = demoLlm ? findDll('DemoLlm', 'Cockpit.DemoLlm.dll', 'COCKPIT_DEMO_LLM_DLL') : null;

  const database = `ui_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  psql(admin, `CREATE DATABASE "${database}"`);
  const { parts } = libpq(admin, database);
  const connectionString = `Host=${parts.host ?? '127.0.0.1'};Port=${parts.port ?? '5432'};Username=${parts.username ?? 'postgres'};${parts.password ? `Password=${parts.password};` : ''}Database=${database}`;
  const workspace = mkdtempSync(join(tmpdir(), 'cockpit-ui-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const children = [];
  const clusterId = `ui-${database.slice(-8)}`;
  const registrationToken = `ui-e2e-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-registration`;

  const silo = new Child('silo', 'dotnet', [siloDll], {
    POSTGRES_CONNECTION_STRING: connectionString,
    ORCHESTRATOR_PORT: String(port),
    ORCHESTRATOR_BIND: '127.0.0.1',
    SILO_PORT: String(await freePort()),
    GATEWAY_PORT: String(await freePort()),
    SILO_ADVERTISED_IP: '127.0.0.1',
    CLUSTER_ID: clusterId,
    SERVICE_ID: clusterId,
    WORKSPACE_ROOT: workspace,
    COCKPIT_UI_PATH: dist,
    AGENT_HEARTBEAT_INTERVAL_SECONDS: '1',
    AGENT_OFFLINE_AFTER_SECONDS: '60',
    // As `make up`: guests operate; dev login lets a test act as admin (and as viewer). Agents prove themselves.
    AUTH_GUEST_ROLE: 'operator',
    AUTH_DEV_LOGIN: 'true',
    AGENT_REGISTRATION_TOKEN: registrationToken,
    Logging__LogLevel__Default: 'Warning',
    Logging__LogLevel__Orleans: 'Warning',
    ...siloEnv,
  });
  children.push(silo);

  let llmSettings = {};
  let llmHealth = null;
  if (demoLlmDll) {
    const llmPort = await freePort();
    children.push(new Child('demo-llm', 'dotnet', [demoLlmDll], {
      DEMO_LLM_PORT: String(llmPort),
      DEMO_LLM_DELAY_MS: String(demoLlm.delayMs ?? 100),
      Logging__LogLevel__Default: 'Warning',
    }));
    llmSettings = { LLM_BASE_URL: `http://127.0.0.1:${llmPort}/v1`, OPENAI_API_KEY: 'demo', LLM_MODEL: 'cockpit-demo' };
    llmHealth = `http://127.0.0.1:${llmPort}/health`;
  }

  const started = Date.now();
  const system = {
    base,
    workspace,
    silo,
    /** What POST /api/agents/register needs as its Bearer token (tests that register agents through REST). */
    registrationToken,
    agents: [],
    async api(path, init) {
      const response = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
      const text = await response.text();
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 300)}`);
      return body;
    },
    /** Starts `count` more reference agents (e2e-agent-<n>, config "default") and waits until each is ready. */
    async startAgents(count, { work = workDelayMs } = {}) {
      const started = [];
      for (let i = 0; i < count; i++) {
        const hostname = `e2e-agent-${system.agents.length + 1}`;
        const agent = new Child(hostname, 'dotnet', [agentDll], {
          ORCHESTRATOR_URL: base,
          AGENT_PORT: String(await freePort()),
          AGENT_BIND_ADDRESS: '127.0.0.1',
          POD_IP: '127.0.0.1',
          AGENT_HOSTNAME: hostname,
          CONFIG_NAME: 'default',
          WORKSPACE_ROOT: workspace,
          AGENT_WORK_DELAY_MS: String(work),
          AGENT_REGISTRATION_TOKEN: registrationToken,
          ...llmSettings,
          Logging__LogLevel__Default: 'Warning',
        });
        children.push(agent);
        system.agents.push(agent);
        started.push(agent);
      }
      if (started.length === 0) return started;
      await eventually(async () => {
        const list = await system.api('/api/agents');
        return started.every((a) => list.some((x) => x.hostname === a.name && x.status === 'ready'));
      }, 'the reference agents to be ready', 90_000, 300);
      return started;
    },
    logs() {
      return children.map((c) => c.tail()).join('\n');
    },
    async stop() {
      const stopping = Date.now();
      // Agents and silo stop together: each waits for its own graceful shutdown (SIGTERM), then is killed.
      await Promise.all(children.map((child) => child.stop()));
      try {
        psql(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } catch {
        // the server may already be gone at the end of `make test`
      }
      rmSync(workspace, { recursive: true, force: true });
      console.error(`e2e system: up ${Math.round((stopping - started) / 1000)} s, stopped in ${Math.round((Date.now() - stopping) / 1000)} s`);
    },
  };

  try {
    await eventually(async () => {
      if (!silo.running) throw new Error('the silo exited\n' + silo.tail());
      return (await fetch(base + '/health/ready')).ok;
    }, 'the silo to become ready', 120_000, 300);
    if (llmHealth) await eventually(async () => (await fetch(llmHealth)).ok, 'the demo LLM to answer', 60_000, 300);

    await system.startAgents(agents);
    console.error(`e2e system: silo and agents ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    const logs = system.logs();
    await system.stop();
    throw new Error(`${error.message}\n${logs}`);
  }
  return system;
}
