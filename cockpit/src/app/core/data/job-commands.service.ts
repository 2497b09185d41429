import { Injectable, inject, signal } from '@angular/core';
import { GraphQLClient } from '../graphql/graphql-client';
import {
  type CancelJobsMutation,
  AssignJobDocument,
  CancelJobDocument,
  CancelJobsDocument,
  DeleteJobDocument,
  DeleteJobsDocument,
  EnqueueJobDocument,
  ResumeJobDocument,
  SetJobBudgetDocument,
} from '../graphql/generated';
import { type UserError, toUserError } from '../errors/user-error';
import { JobsStore } from './jobs.store';

type BulkOutcome = CancelJobsMutation['cancelJobs'][number];

export type CommandResult = { ok: true } | { ok: false; error: UserError };
export interface BulkResult {
  succeeded: number;
  failed: { id: string; error: UserError }[];
}

/**
 * The job commands (assign, cancel, resume, delete, and their bulk forms) with the list updated from the answers at
 * once. Results are values, never exceptions, so every caller shows an error the same way.
 */
@Injectable({ providedIn: 'root' })
export class JobCommandsService {
  private readonly client = inject(GraphQLClient);
  private readonly jobs = inject(JobsStore);
  /** Ids with a command on its way, so buttons can show it and not send twice. */
  readonly busy = signal<ReadonlySet<string>>(new Set());

  assign(jobId: string, agentId: string): Promise<CommandResult> {
    return this.run(jobId, async () => this.jobs.upsert((await this.client.request(AssignJobDocument, { jobId, agentId })).assignJob));
  }

  /** Queues a created, failed or cancelled job for automatic dispatch. */
  enqueue(jobId: string): Promise<CommandResult> {
    return this.run(jobId, async () => this.jobs.upsert((await this.client.request(EnqueueJobDocument, { jobId })).enqueueJob));
  }

  cancel(jobId: string): Promise<CommandResult> {
    return this.run(jobId, async () => this.jobs.upsert((await this.client.request(CancelJobDocument, { jobId })).cancelJob));
  }

  resume(jobId: string, agentId?: string | null): Promise<CommandResult> {
    return this.run(jobId, async () =>
      this.jobs.upsert((await this.client.request(ResumeJobDocument, { jobId, agentId: agentId ?? null })).resumeJob),
    );
  }

  /** Replaces the job's LLM budget (a limit left null is none); a job stopped by its budget is resumed afterwards. */
  setBudget(jobId: string, budget: { maxCostUsd: number | null; maxTokens: number | null }): Promise<CommandResult> {
    return this.run(jobId, async () => this.jobs.upsert((await this.client.request(SetJobBudgetDocument, { jobId, budget })).setJobBudget));
  }

  delete(jobId: string): Promise<CommandResult> {
    return this.run(jobId, async () => {
      await this.client.request(DeleteJobDocument, { jobId });
      this.jobs.remove(jobId);
    });
  }

  async cancelMany(ids: string[]): Promise<BulkResult> {
    return this.bulk(ids, async () => (await this.client.request(CancelJobsDocument, { ids })).cancelJobs, false);
  }

  async deleteMany(ids: string[]): Promise<BulkResult> {
    return this.bulk(ids, async () => (await this.client.request(DeleteJobsDocument, { ids })).deleteJobs, true);
  }

  private async run(id: string, command: () => Promise<void>): Promise<CommandResult> {
    this.mark([id], true);
    try {
      await command();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    } finally {
      this.mark([id], false);
    }
  }

  private async bulk(ids: string[], command: () => Promise<BulkOutcome[]>, removes: boolean): Promise<BulkResult> {
    this.mark(ids, true);
    try {
      const outcomes = await command();
      if (removes) outcomes.filter((o) => o.ok).forEach((o) => this.jobs.remove(o.id));
      return {
        succeeded: outcomes.filter((o) => o.ok).length,
        failed: outcomes.filter((o) => !o.ok).map((o) => ({ id: o.id, error: bulkError(o) })),
      };
    } catch (error) {
      return { succeeded: 0, failed: ids.map((id) => ({ id, error: toUserError(error) })) };
    } finally {
      this.mark(ids, false);
    }
  }

  private mark(ids: string[], on: boolean): void {
    this.busy.update((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }
}

function bulkError(outcome: BulkOutcome): UserError {
  switch (outcome.code) {
    case 'NOT_FOUND':
      return { key: 'errors.notFound' };
    case 'CONFLICT':
      return { key: 'errors.conflict', detail: outcome.error ?? undefined };
    case 'AGENT_UNREACHABLE':
      return { key: 'errors.agentUnreachable' };
    default:
      return { key: 'errors.unexpected' };
  }
}
