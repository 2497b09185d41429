import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** 24×24 outline paths; drawn as SVG so they look the same on every machine (no icon font, no emoji font needed). */
const PATHS = {
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4h3v16H7zM14 4h3v16h-3z',
  previous: 'M6 5v14M19 5L9 12l10 7z',
  next: 'M18 5v14M5 5l10 7-10 7z',
  view: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 9a3 3 0 100 6 3 3 0 000-6z',
  assign: 'M5 12h12M13 6l6 6-6 6',
  stop: 'M6 6h12v12H6z',
  resume: 'M20 11a8 8 0 10-2.3 5.7M20 5v6h-6',
  delete: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
} as const;

export type IconName = keyof typeof PATHS;

@Component({
  selector: 'app-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path [attr.d]="path()" /></svg>`,
  styles: `
    :host { display: inline-flex; vertical-align: -2px; }
    svg { fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
  `,
})
export class Icon {
  readonly name = input.required<IconName>();
  protected readonly path = computed(() => PATHS[this.name()]);
}
