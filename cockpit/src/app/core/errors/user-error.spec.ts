import { GraphQLRequestError } from '../graphql/graphql-errors';
import { UploadError, toUserError } from './user-error';

describe('toUserError', () => {
  const gql = (code: string, message = 'server text') => new GraphQLRequestError('graphql', [{ message, code, field: 'prompt' }]);

  it('shows the server’s words only where they are written for people', () => {
    expect(toUserError(gql('CONFLICT', 'the job is processing'))).toEqual({ key: 'errors.conflict', detail: 'the job is processing' });
    expect(toUserError(gql('BAD_USER_INPUT', 'prompt is required'))).toEqual({ key: 'errors.badInput', detail: 'prompt is required', field: 'prompt' });
    expect(toUserError(gql('INTERNAL', 'NullReferenceException at ...'))).toEqual({ key: 'errors.unexpected' });
  });

  it('maps codes and failure kinds to translated messages', () => {
    expect(toUserError(gql('NOT_FOUND')).key).toBe('errors.notFound');
    expect(toUserError(gql('AGENT_UNREACHABLE')).key).toBe('errors.agentUnreachable');
    expect(toUserError(new GraphQLRequestError('network', [])).key).toBe('errors.network');
    expect(toUserError(new GraphQLRequestError('http', [], 500)).key).toBe('errors.server');
    expect(toUserError(new UploadError('create.upload.tooLarge', 'a.pdf: too large'))).toEqual({ key: 'create.upload.tooLarge', detail: 'a.pdf: too large' });
  });

  it('never passes on a raw exception', () => {
    expect(toUserError(new Error('TypeError: x is undefined'))).toEqual({ key: 'errors.unexpected' });
    expect(toUserError('boom')).toEqual({ key: 'errors.unexpected' });
  });
});
