import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/**
 * A job or agent status in the seed's colours (created blue, processing yellow with a pulse, completed green, failed
 * red, cancelled overlay0; agent states alike). The colours live in styles.css as .status-<name>.
 */
@Component({
  selector: 'app-status-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge status-{{ status() }}" [attr.data-status]="status()">{{ 'status.' + status() | t }}</span>`,
})
export class StatusBadge {
  readonly status = input.required<string>();
}
