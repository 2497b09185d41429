import type { Routes } from '@angular/router';
import { RouteSync } from './route-sync';

/** Deep links: /jobs/:id and /agents/:id (the silo answers them with index.html). */
export const routes: Routes = [
  { path: '', component: RouteSync, data: { kind: 'home' } },
  { path: 'jobs/:id', component: RouteSync, data: { kind: 'job' } },
  { path: 'agents/:id', component: RouteSync, data: { kind: 'agent' } },
  { path: '**', redirectTo: '' },
];
