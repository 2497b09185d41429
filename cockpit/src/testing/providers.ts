import { provideRouter, withComponentInputBinding } from '@angular/router';
import { CACHE_DB } from '../app/core/cache/cache.service';
import { providePanels } from '../app/core/layout/panel-registry';
import { routes } from '../app/app.routes';
import { PANELS } from '../app/panels';
import { FakeAuth, provideFakeAuth } from './fake-auth';
import { type FakeGraphQLClient, provideFakeGraphQL } from './fake-graphql-client';

/** What a panel needs in a unit test: a fake server, a router, the registry, no IndexedDB, and a person (admin by default). */
export function panelTestProviders(fake: FakeGraphQLClient, auth: FakeAuth = new FakeAuth('admin')) {
  return [
    provideFakeGraphQL(fake),
    provideFakeAuth(auth),
    provideRouter(routes, withComponentInputBinding()),
    providePanels(PANELS),
    { provide: CACHE_DB, useValue: null },
  ];
}
