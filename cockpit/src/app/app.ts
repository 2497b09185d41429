import { ChangeDetectionStrategy, Component, DOCUMENT, afterNextRender, inject } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { AuthService } from './core/auth/auth.service';
import { UserMenu } from './core/auth/user-menu';
import { JobsStore } from './core/data/jobs.store';
import { ConnectionIndicator } from './core/graphql/connection-indicator';
import { GraphQLClient } from './core/graphql/graphql-client';
import { I18nService, type Language } from './core/i18n/i18n.service';
import { TranslatePipe } from './core/i18n/translate.pipe';
import { LayoutService } from './core/layout/layout.service';
import { PanelIds } from './core/layout/panel-ids';
import { PRESET_IDS, type PresetId } from './core/layout/presets';
import { ShortcutHelp } from './core/shortcuts/shortcut-help';
import { ShortcutsService } from './core/shortcuts/shortcuts.service';
import { SelectionService } from './core/state/selection.service';
import { TimeCursorService } from './core/state/time-cursor.service';
import { type ThemeMode, ThemeService } from './core/theme/theme.service';
import { SplitView } from './layout/split-view';

/** The shell: toolbar (layout preset, connection, user menu, theme, language, help) and the split-panel layout. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, SplitView, ConnectionIndicator, ShortcutHelp, TranslatePipe, UserMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly layout = inject(LayoutService);
  protected readonly theme = inject(ThemeService);
  protected readonly i18n = inject(I18nService);
  protected readonly shortcuts = inject(ShortcutsService);
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly jobs = inject(JobsStore);
  private readonly selection = inject(SelectionService);
  private readonly cursor = inject(TimeCursorService);
  private readonly document = inject(DOCUMENT);
  protected readonly presets = PRESET_IDS;

  constructor() {
    const client = inject(GraphQLClient);
    // The session first (a guest one if there is none), so that the live socket opens with its cookie.
    void this.auth.start().then(() => client.connect());
    this.registerShortcuts();
    afterNextRender(() => this.document.body.classList.add('ready'));
  }

  protected usePreset(preset: string): void {
    this.layout.usePreset(preset as PresetId);
    void this.router.navigate([], { queryParams: { layout: preset === 'default' ? null : preset }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected setTheme(mode: string): void {
    this.theme.set(mode as ThemeMode);
  }

  protected setLanguage(language: string): void {
    void this.i18n.use(language as Language);
  }

  private registerShortcuts(): void {
    this.shortcuts.register(
      { key: '?', descriptionKey: 'shortcuts.help', run: () => this.shortcuts.helpOpen.update((open) => !open) },
      { key: 'Escape', descriptionKey: 'shortcuts.close', inFields: true, run: () => this.shortcuts.helpOpen.set(false) },
      { key: 'n', descriptionKey: 'shortcuts.newJob', run: () => this.revealAndFocus(PanelIds.jobCreate, '#create-prompt') },
      { key: '/', descriptionKey: 'shortcuts.search', run: () => this.revealAndFocus(PanelIds.jobList, '[data-testid="job-search"]') },
      { key: 'j', descriptionKey: 'shortcuts.nextJob', run: () => this.moveSelection(1) },
      { key: 'k', descriptionKey: 'shortcuts.previousJob', run: () => this.moveSelection(-1) },
      { key: '1', descriptionKey: 'shortcuts.presetDefault', run: () => this.usePreset('default') },
      { key: '2', descriptionKey: 'shortcuts.presetJob', run: () => this.usePreset('job') },
      { key: '3', descriptionKey: 'shortcuts.presetDebug', run: () => this.usePreset('debug') },
      { key: 't', descriptionKey: 'shortcuts.theme', run: () => this.theme.cycle() },
      { key: 'l', descriptionKey: 'shortcuts.language', run: () => void this.i18n.toggle() },
      { key: '.', descriptionKey: 'shortcuts.live', run: () => this.cursor.seek(null) },
    );
  }

  private revealAndFocus(panel: string, selector: string): void {
    this.layout.reveal(panel);
    // The panel may still be loading its chunk: try for a moment.
    let tries = 0;
    const focus = () => {
      const element = this.document.querySelector<HTMLElement>(selector);
      if (element) element.focus();
      else if (++tries < 20) setTimeout(focus, 50);
    };
    setTimeout(focus);
  }

  private moveSelection(step: 1 | -1): void {
    const rows = this.jobs.rows();
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.id === this.selection.jobId());
    const next = rows[Math.max(0, Math.min(rows.length - 1, at < 0 ? 0 : at + step))];
    void this.router.navigate(['/jobs', next.id], { queryParamsHandling: 'preserve' });
  }
}
