import type { AgentRow } from '../app/core/data/agents.store';
import type { JobDetail } from '../app/core/data/job-context.store';
import type { JobRow } from '../app/core/data/job-list-state';

export function job(overrides: Partial<JobRow> = {}): JobRow {
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    prompt: `Prompt of ${id}`,
    status: 'created',
    configName: 'default',
    assignedAgentId: null,
    createdAt: '2026-11-24T09:00:00Z',
    updatedAt: '2026-11-24T09:00:00Z',
    completedAt: null,
    errorMessage: null,
    dispatch: 'manual',
    priority: 0,
    progress: {
      totalRequirements: null,
      processedRequirements: null,
      progressPercent: null,
      etaSeconds: null,
      message: null,
      reportedAt: null,
      requirementsByStatus: [],
    },
    budget: null,
    budgetWarning: false,
    looping: false,
    usage: { total: { calls: 0, unpricedCalls: 0, tokensIn: 0, tokensOut: 0, tokens: 0, costUsd: 0 } },
    ...overrides,
  };
}

export function jobDetail(overrides: Partial<JobDetail> = {}): JobDetail {
  return {
    ...job(overrides),
    documentPath: null,
    documentDir: null,
    context: null,
    instructions: null,
    errorDetails: null,
    selector: {},
    maxAttempts: 3,
    retryBackoffSeconds: 10,
    timeoutSeconds: null,
    concurrencyKey: null,
    queuedAt: null,
    notBefore: null,
    waitingReason: null,
    attempts: [],
    timeline: [{ version: 1, at: '2026-11-24T09:00:00Z', fromStatus: null, toStatus: 'created', cause: 'created' }],
    ...overrides,
  };
}

export function agent(overrides: Partial<AgentRow> = {}): AgentRow {
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    configName: 'default',
    hostname: `agent-${id.slice(0, 4)}`,
    podIp: '127.0.0.1',
    podPort: 8001,
    pid: 42,
    status: 'ready',
    currentJobId: null,
    registeredAt: '2026-11-24T09:00:00Z',
    lastHeartbeat: new Date().toISOString(),
    metrics: null,
    silo: 'silo-1',
    labels: {},
    ...overrides,
  };
}
