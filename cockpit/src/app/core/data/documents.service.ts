import { Injectable, InjectionToken, inject } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { UploadError } from '../errors/user-error';

export const DOCUMENTS_URL = new InjectionToken<string>('DOCUMENTS_URL', { providedIn: 'root', factory: () => '/api/documents' });

/** The seed allows up to 10 documents per job. */
export const MAX_DOCUMENTS = 10;

export interface DocumentSet {
  documentSetId: string;
  documentDir: string;
  files: { name: string; size: number }[];
}

/**
 * Uploads documents as one set (multipart to POST /api/documents); the set's id goes into createJob, which moves the
 * files into the job's workspace. Failures come back as UploadError in user terms (too many, too large, refused).
 */
@Injectable({ providedIn: 'root' })
export class DocumentsService {
  private readonly url = inject(DOCUMENTS_URL);
  private readonly auth = inject(AuthService);

  async upload(files: readonly File[]): Promise<DocumentSet> {
    if (files.length === 0) throw new UploadError('create.upload.none');
    if (files.length > MAX_DOCUMENTS) throw new UploadError('create.upload.tooMany', String(MAX_DOCUMENTS));
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    let response: Response;
    try {
      response = await fetch(this.url, { method: 'POST', body: form, credentials: 'same-origin', headers: this.auth.csrfHeaders() });
    } catch {
      throw new UploadError('errors.network');
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok) {
      const errors = (body?.['errors'] as Record<string, string[]> | undefined)?.['files'];
      const detail = errors?.join('; ') ?? (typeof body?.['detail'] === 'string' ? body['detail'] : undefined);
      throw new UploadError(response.status === 413 ? 'create.upload.tooLarge' : 'create.upload.refused', detail);
    }
    const files_ = Array.isArray(body?.['files']) ? (body['files'] as { name: string; size: number }[]) : [];
    return { documentSetId: String(body?.['document_set_id']), documentDir: String(body?.['document_dir'] ?? ''), files: files_ };
  }
}
