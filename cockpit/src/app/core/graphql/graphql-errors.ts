/** One GraphQL error as the server sends it: mutation errors carry extensions.code and, for bad input, the field. */
export interface GraphQLErrorInfo {
  message: string;
  code?: string;
  field?: string;
}

/** Why a request failed: the server answered with errors, the server answered badly, or it could not be reached. */
export type RequestFailureKind = 'graphql' | 'http' | 'network';

export class GraphQLRequestError extends Error {
  constructor(
    readonly kind: RequestFailureKind,
    readonly errors: readonly GraphQLErrorInfo[],
    readonly status?: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || kind);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's code (NOT_FOUND, CONFLICT, BAD_USER_INPUT, AGENT_UNREACHABLE, …), if any. */
  get code(): string | undefined {
    return this.errors.find((e) => e.code)?.code;
  }

  /** The field a BAD_USER_INPUT error names, if any. */
  get field(): string | undefined {
    return this.errors.find((e) => e.field)?.field;
  }
}

/** Reads the `errors` array of a GraphQL response (or a graphql-ws `error` message) into plain records. */
export function toErrorInfos(errors: unknown): GraphQLErrorInfo[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((raw) => {
    const e = (raw ?? {}) as { message?: unknown; extensions?: { code?: unknown; field?: unknown } };
    return {
      message: typeof e.message === 'string' ? e.message : 'Unknown error',
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
      field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
    };
  });
}
