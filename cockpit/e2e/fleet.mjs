// A simulated fleet for the browser tests and the fleet measurement: agents registered through the agent protocol's
// REST endpoints (POST /api/agents/register, then heartbeats) as real agent pods would, without starting a process
// per agent. Nothing listens on their pod addresses, so the silo never dispatches to them on its own (no job exists).

/** The silo settings a fleet needs: no registration rate limit, and no agent going offline during the test. */
export const fleetSiloEnv = {
  AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE: '0',
  AGENT_OFFLINE_AFTER_SECONDS: '3600',
};

/** Hostname of the i-th simulated agent (1-based, zero-padded so that the names sort like the numbers). */
export function fleetHostname(i) {
  return `fleet-${String(i).padStart(5, '0')}`;
}

const CONFIGS = ['default', 'creator', 'reviewer'];
const REGIONS = ['eu', 'us', 'ap'];

async function post(system, path, token, body) {
  const response = await fetch(system.base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Runs `work(i)` for i in [0, count) with at most `parallel` at a time. */
async function inParallel(count, parallel, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, async () => {
    while (next < count) await work(next++);
  }));
}

/**
 * Registers `count` agents (fleet-00001 …) and sends each a `ready` heartbeat; returns them as
 * { id, token, hostname, configName, labels } in hostname order.
 */
export async function registerFleet(system, count, { parallel = 16 } = {}) {
  const agents = new Array(count);
  await inParallel(count, parallel, async (i) => {
    const hostname = fleetHostname(i + 1);
    const configName = CONFIGS[i % CONFIGS.length];
    const labels = { region: REGIONS[i % REGIONS.length], rack: `r${Math.floor(i / 100)}` };
    const registered = await post(system, '/api/agents/register', system.registrationToken, {
      config_name: configName, hostname, pod_ip: '127.0.0.1', pod_port: 9, pid: 10_000 + i, labels,
    });
    agents[i] = { id: registered.agent_id, token: registered.agent_token, hostname, configName, labels };
    await post(system, `/api/agents/${registered.agent_id}/heartbeat`, registered.agent_token, { status: 'ready' });
  });
  return agents;
}

/** Reports `status` (the agent protocol's heartbeat statuses: ready, working, completed, failed) for each agent. */
export async function reportStatus(system, agents, status, { parallel = 16 } = {}) {
  await inParallel(agents.length, parallel, async (i) => {
    await post(system, `/api/agents/${agents[i].id}/heartbeat`, agents[i].token, { status });
  });
}
