import type { AgentFieldsFragment } from '../graphql/generated';

type Agent = AgentFieldsFragment;

/** One agentChanged event as the store applies it: the agent's new state, or its deregistration. */
export interface AgentChange {
  id: string;
  deleted: boolean;
  agent?: Agent | null;
}

/** The statuses an agent can have, in the order the panel counts them (the schema's AgentStatus). */
export const AGENT_STATUSES = ['booting', 'ready', 'working', 'completed', 'failed', 'offline'] as const;

/** What the panel lists agents by: hostname, or the id when an agent has none. */
export function agentSortKey(agent: Agent): string {
  return agent.hostname ?? agent.id;
}

// One collator instead of localeCompare per comparison: the same order, several times faster over thousands of agents.
const collator = new Intl.Collator();

/** List order: by hostname (as localeCompare orders), ties by id so that the order is total. */
export function compareAgents(a: Agent, b: Agent): number {
  return collator.compare(agentSortKey(a), agentSortKey(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `agents` in list order: the same array when it already is (the usual case, checked in one pass), else a sorted copy. */
export function inListOrder(agents: readonly Agent[]): readonly Agent[] {
  for (let i = 1; i < agents.length; i++) {
    if (compareAgents(agents[i - 1], agents[i]) > 0) return [...agents].sort(compareAgents);
  }
  return agents;
}

/**
 * Applies a batch of changes to a list in list order and keeps that order: the changed agents leave in one pass, their
 * new states (the last change per agent wins) are sorted among themselves and merged back in one pass — O(n + k log k)
 * per batch instead of a filter, copy and full sort per event.
 */
export function mergeAgentChanges(sorted: readonly Agent[], changes: readonly AgentChange[]): Agent[] {
  if (changes.length === 0) return sorted as Agent[];
  const latest = new Map<string, AgentChange>();
  for (const change of changes) latest.set(change.id, change);
  const rest = sorted.filter((a) => !latest.has(a.id));
  const added = [...latest.values()]
    .filter((c) => !c.deleted && c.agent)
    .map((c) => c.agent as Agent)
    .sort(compareAgents);
  if (added.length === 0) return rest;
  const merged: Agent[] = new Array(rest.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < rest.length && j < added.length) merged[k++] = compareAgents(rest[i], added[j]) <= 0 ? rest[i++] : added[j++];
  while (i < rest.length) merged[k++] = rest[i++];
  while (j < added.length) merged[k++] = added[j++];
  return merged;
}

/** How many agents have each status (every status present, 0 when none). */
export function countByStatus(agents: readonly Agent[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(AGENT_STATUSES.map((s) => [s, 0]));
  for (const agent of agents) counts[agent.status] = (counts[agent.status] ?? 0) + 1;
  return counts;
}

/** A parsed filter: each term must match (AND); the statuses, when any are chosen, are alternatives (OR). */
export interface AgentFilter {
  terms: readonly FilterTerm[];
  statuses: ReadonlySet<string>;
}

type FilterTerm = { kind: 'label'; key: string; value: string } | { kind: 'status'; status: string } | { kind: 'text'; text: string };

const STATUS_SET = new Set<string>(AGENT_STATUSES);

/**
 * Reads the filter box: blank-separated terms, all of which must match. `key=value` matches a label (key exactly,
 * value as a prefix, so `region=` means "has the label"); a status name (`ready`, `offline`…) matches that status;
 * any other term is a case-insensitive part of the hostname, config name or id.
 */
export function parseAgentFilter(text: string, statuses: Iterable<string> = []): AgentFilter {
  const terms: FilterTerm[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    if (raw === '') continue;
    const at = raw.indexOf('=');
    if (at > 0) terms.push({ kind: 'label', key: raw.slice(0, at), value: raw.slice(at + 1) });
    else if (STATUS_SET.has(raw.toLowerCase())) terms.push({ kind: 'status', status: raw.toLowerCase() });
    else terms.push({ kind: 'text', text: raw.toLowerCase() });
  }
  return { terms, statuses: new Set(statuses) };
}

export function isEmptyFilter(filter: AgentFilter): boolean {
  return filter.terms.length === 0 && filter.statuses.size === 0;
}

function labelValue(labels: unknown, key: string): string | undefined {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return undefined;
  const value = (labels as Record<string, unknown>)[key];
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, key) ? value : undefined;
}

export function matchesAgentFilter(agent: Agent, filter: AgentFilter): boolean {
  if (filter.statuses.size > 0 && !filter.statuses.has(agent.status)) return false;
  for (const term of filter.terms) {
    if (term.kind === 'status') {
      if (agent.status !== term.status) return false;
    } else if (term.kind === 'label') {
      const value = labelValue(agent.labels, term.key);
      if (value === undefined || !value.startsWith(term.value)) return false;
    } else if (
      !(agent.hostname ?? '').toLowerCase().includes(term.text) &&
      !agent.configName.toLowerCase().includes(term.text) &&
      !agent.id.toLowerCase().includes(term.text)
    ) {
      return false;
    }
  }
  return true;
}

/** The agents the filter lets through, in their order; the same array when the filter is empty. */
export function filterAgents(agents: readonly Agent[], filter: AgentFilter): readonly Agent[] {
  return isEmptyFilter(filter) ? agents : agents.filter((a) => matchesAgentFilter(a, filter));
}
