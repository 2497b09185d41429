import { Injectable, signal } from '@angular/core';

/** What the user is looking at, shared by every panel: the job, the agent and the LLM request in focus. */
@Injectable({ providedIn: 'root' })
export class SelectionService {
  readonly jobId = signal<string | null>(null);
  readonly agentId = signal<string | null>(null);
  /** Audit entry id of an LLM call (shown by the request viewer). */
  readonly requestId = signal<string | null>(null);

  selectJob(id: string | null): void {
    if (id !== this.jobId()) this.requestId.set(null);
    this.jobId.set(id);
  }
}
