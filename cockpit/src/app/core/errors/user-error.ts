import { GraphQLRequestError } from '../graphql/graphql-errors';

/**
 * What a person sees when something fails: a translation key, and the server's own message where the server
 * wrote it for people (conflicts, bad input). Raw exceptions never reach the screen.
 */
export interface UserError {
  key: string;
  detail?: string;
  field?: string;
}

/** Server messages for these codes are written for people (e.g. "the job is processing"); others are not shown. */
const HUMAN_READABLE_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT']);

export function toUserError(error: unknown): UserError {
  if (error instanceof GraphQLRequestError) {
    if (error.kind === 'network') return { key: 'errors.network' };
    const code = error.code;
    switch (code) {
      case 'NOT_FOUND':
        return { key: 'errors.notFound' };
      case 'AGENT_UNREACHABLE':
        return { key: 'errors.agentUnreachable' };
      case 'CONFLICT':
        return { key: 'errors.conflict', detail: firstMessage(error) };
      case 'BAD_USER_INPUT':
        return { key: 'errors.badInput', detail: firstMessage(error), field: error.field };
      case 'FORBIDDEN':
        return { key: 'errors.forbidden' };
      case 'UNAUTHENTICATED':
        return { key: 'errors.signIn' };
    }
    if (error.status === 403) return { key: 'errors.forbidden' };
    if (error.status === 401) return { key: 'errors.signIn' };
    if (error.kind === 'http') return { key: 'errors.server' };
    return { key: 'errors.unexpected' };
  }
  if (error instanceof UploadError) return { key: error.key, detail: error.detail };
  return { key: 'errors.unexpected' };
}

function firstMessage(error: GraphQLRequestError): string | undefined {
  return error.errors.find((e) => !e.code || HUMAN_READABLE_CODES.has(e.code))?.message;
}

/** A refused or failed document upload, already in user terms. */
export class UploadError extends Error {
  constructor(
    readonly key: string,
    readonly detail?: string,
  ) {
    super(detail ?? key);
    this.name = 'UploadError';
  }
}
