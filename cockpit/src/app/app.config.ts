import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { CACHE_DB } from './core/cache/cache.service';
import { providePanels } from './core/layout/panel-registry';
import { PANELS } from './panels';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    providePanels(PANELS),
    // Starts fetching the cache's (lazy) Dexie chunk at bootstrap, beside the panels' chunks, rather than when the
    // first store asks for a cached value. Not awaited: the app does not wait for the cache.
    provideAppInitializer(() => {
      inject(CACHE_DB);
    }),
  ],
};
