import { provideRouter, withComponentInputBinding } from '@angular/router';
import { CACHE_DB } from '../app/core/cache/cache.service';
import { providePanels } from '../app/core/layout/panel-registry';
import { routes } from '../app/app.routes';
import { PANELS } from '../app/panels';
import { type FakeGraphQLClient, provideFakeGraphQL } from './fake-graphql-client';

/** What a panel needs in a unit test: a fake server, a router, the registry, no IndexedDB. */
export function panelTestProviders(fake: FakeGraphQLClient) {
  return [provideFakeGraphQL(fake), provideRouter(routes, withComponentInputBinding()), providePanels(PANELS), { provide: CACHE_DB, useValue: null }];
}
