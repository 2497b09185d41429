import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  // Nothing rendered: say so on the page instead of leaving it blank.
  console.error(error);
  document.body.textContent = 'The Cockpit could not start. Reload the page; if it persists, check the browser console.';
});
