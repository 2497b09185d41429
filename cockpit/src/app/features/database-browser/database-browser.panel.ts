import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { TableRowsDocument, TablesDocument, type TableRowsQuery, type TablesQuery } from '../../core/graphql/generated';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { truncate } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';

type Table = TablesQuery['tables'][number];
type Rows = TableRowsQuery['tableRows'];
export const DB_PAGE_SIZE = 50;

/** A cell as short text: objects as JSON, null as an empty mark. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'object') return truncate(JSON.stringify(value), 120);
  return truncate(String(value), 120);
}

/** PostgreSQL tables with their row counts; one table's rows a page at a time (table and page in the URL). */
@Component({
  selector: 'app-database-browser',
  imports: [StateView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="panel-head"><h2>{{ 'db.title' | t }}</h2></header>
    @if (!auth.canAdmin()) {
      <p class="empty" data-testid="db-admin-only">{{ 'tables.adminOnly' | t }}
        @if (auth.me()?.devLogin) { <span class="dev-hint" data-testid="dev-hint">{{ 'auth.devHint' | t }}</span> }
      </p>
    } @else {
    <app-state-view [hasData]="tables.data() !== undefined" [empty]="(tables.data()?.length ?? 0) === 0" emptyKey="db.noTables"
                    [error]="tables.error()" [cachedAt]="tables.cachedAt()" (retry)="loadTables()">
      <div class="bar">
        <label>{{ 'db.table' | t }}
          <select data-testid="db-table" [value]="table() ?? ''" (change)="choose($any($event.target).value)">
            <option value="">—</option>
            @for (t of tables.data() ?? []; track t.name) { <option [value]="t.name">{{ t.name }} ({{ t.rowCount }})</option> }
          </select>
        </label>
        @if (rows.data(); as r) {
          <span class="pager">
            <button type="button" class="small" data-testid="db-prev" [disabled]="offset() === 0" (click)="page(-1)">‹ {{ 'db.prev' | t }}</button>
            <span data-testid="db-range">{{ 'db.range' | t: { from: r.total === 0 ? 0 : r.offset + 1, to: r.offset + r.rows.length, total: r.total } }}</span>
            <button type="button" class="small" data-testid="db-next" [disabled]="r.offset + r.rows.length >= r.total" (click)="page(1)">{{ 'db.next' | t }} ›</button>
          </span>
        }
      </div>
      @if (table()) {
        <app-state-view [hasData]="rows.data() !== undefined" [empty]="(rows.data()?.rows?.length ?? 0) === 0" emptyKey="db.noRows"
                        [error]="rows.error()" [cachedAt]="rows.cachedAt()" (retry)="loadRows()">
          @if (rows.data(); as r) {
            <div class="scroll">
              <table data-testid="db-rows">
                <thead><tr>@for (c of r.columns; track c.name) { <th [title]="c.type">{{ c.name }}</th> }</tr></thead>
                <tbody>
                  @for (row of r.rows; track $index) {
                    <tr>@for (c of r.columns; track c.name) { <td>{{ cell(row, c.name) }}</td> }</tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </app-state-view>
      } @else {
        <p class="empty">{{ 'db.pick' | t }}</p>
      }
    </app-state-view>
    }
  `,
  styles: `
    .bar { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: center; margin-bottom: 0.5rem; font-size: 0.85rem; }
    .pager { display: flex; gap: 0.4rem; align-items: center; margin-left: auto; }
    .scroll { overflow: auto; max-height: 100%; }
    table { border-collapse: collapse; font-size: 0.78rem; font-family: var(--mono-font); }
    th, td { border: 1px solid var(--border-color); padding: 0.2rem 0.4rem; text-align: left; white-space: nowrap; max-width: 28rem; overflow: hidden; text-overflow: ellipsis; }
    th { background: var(--ctp-mantle); position: sticky; top: 0; }
    .empty { color: var(--muted-color); text-align: center; margin-top: 2rem; }
    .dev-hint { display: block; margin-top: 0.4rem; font-size: 0.8rem; }
  `,
})
export class DatabaseBrowserPanel {
  private readonly client = inject(GraphQLClient);
  private readonly router = inject(Router);
  private readonly cache = inject(CacheService);
  protected readonly auth = inject(AuthService);
  protected readonly tables = new CachedResource<Table[]>(this.cache);
  protected readonly rows = new CachedResource<Rows>(this.cache);
  protected readonly table = signal<string | null>(null);
  protected readonly offset = signal(0);
  protected readonly selected = computed(() => this.tables.data()?.find((t) => t.name === this.table()));

  constructor() {
    const params = this.router.routerState.snapshot.root.queryParams;
    if (typeof params['table'] === 'string') this.table.set(params['table']);
    const offset = Number(params['offset']);
    if (Number.isInteger(offset) && offset > 0) this.offset.set(offset);
    // Admins only: the tables load once the session says so (the server refuses anyone else anyway).
    effect(() => {
      if (this.auth.canAdmin()) untracked(() => this.loadTables());
    });
    effect(() => {
      this.table();
      this.offset();
      if (this.auth.canAdmin()) untracked(() => this.loadRows());
    });
  }

  loadTables(): void {
    void this.tables.load(async () => (await this.client.request(TablesDocument, {})).tables, 'tables');
  }

  loadRows(): void {
    const name = this.table();
    const offset = this.offset();
    if (!name) {
      this.rows.clear();
      return;
    }
    void this.rows.load(async () => (await this.client.request(TableRowsDocument, { name, offset, limit: DB_PAGE_SIZE })).tableRows, `rows:${name}:${offset}`);
  }

  protected choose(name: string): void {
    this.table.set(name || null);
    this.offset.set(0);
    this.syncUrl();
  }

  protected page(direction: 1 | -1): void {
    this.offset.set(Math.max(0, this.offset() + direction * DB_PAGE_SIZE));
    this.syncUrl();
  }

  protected cell(row: unknown, column: string): string {
    return cellText((row as Record<string, unknown> | null)?.[column]);
  }

  private syncUrl(): void {
    void this.router.navigate([], {
      queryParams: { table: this.table(), offset: this.offset() || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
