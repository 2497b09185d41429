import type { JobStatus } from '../../core/graphql/generated';

/** Which commands fit a job's status (the server has the last word and answers CONFLICT otherwise). */
export const canCancel = (status: JobStatus) => status === 'created' || status === 'pending' || status === 'processing';
export const canResume = (status: JobStatus) => status === 'cancelled' || status === 'failed';
export const canDelete = (status: JobStatus) => status !== 'processing';
// Failed and cancelled jobs may also start over from scratch on an agent (resume continues from a checkpoint instead).
export const canAssign = (status: JobStatus) => status === 'created' || status === 'pending' || status === 'failed' || status === 'cancelled';

export const ALL_STATUSES: readonly JobStatus[] = ['created', 'pending', 'processing', 'completed', 'failed', 'cancelled'];

/** A job not in the queue and not running may be queued for automatic dispatch (POST /api/jobs/{id}/enqueue). */
export const canEnqueue = (status: JobStatus) => status === 'created' || status === 'failed' || status === 'cancelled';
