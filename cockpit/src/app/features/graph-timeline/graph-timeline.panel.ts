import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { CachedResource } from '../../core/data/cached-resource';
import { JobContextStore } from '../../core/data/job-context.store';
import { CacheService } from '../../core/cache/cache.service';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { JobGraphDocument } from '../../core/graphql/generated';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { formatTime } from '../../shared/format/format';
import { Icon } from '../../shared/icon/icon';
import { StateView } from '../../shared/state-view/state-view';
import { GraphCanvas } from './graph-canvas';
import { type GraphPlayback, deltasUpTo, graphAt } from './graph-playback';

export const SPEEDS = [0.5, 1, 2, 4] as const;
/** graphChanged comes in bursts while a job writes its graph; refetch at most this often. */
const REFRESH_MS = 1_000;
/** Changes played back at most (the server's largest page); a larger graph says so and offers its current state. */
export const PLAYBACK_LIMIT = 5_000;

/**
 * The job's knowledge graph from its start: the snapshot at creation plus every change, played back with
 * play/pause/step/speed. The position is the global time cursor, so the other panels follow the playback.
 */
@Component({
  selector: 'app-graph-timeline',
  imports: [StateView, GraphCanvas, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './graph-timeline.panel.html',
  styleUrl: './graph-timeline.panel.css',
})
export class GraphTimelinePanel {
  private readonly client = inject(GraphQLClient);
  private readonly i18n = inject(I18nService);
  protected readonly context = inject(JobContextStore);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly playback = new CachedResource<GraphPlayback | null>(inject(CacheService));
  protected readonly speeds = SPEEDS;
  protected readonly speed = signal<number>(1);
  protected readonly playing = signal(false);
  protected readonly deltas = computed(() => this.playback.data()?.deltas ?? []);
  protected readonly position = computed(() => (this.cursor.live() ? this.deltas().length : deltasUpTo(this.deltas(), this.cursor.atMs())));
  protected readonly state = computed(() => {
    const playback = this.playback.data();
    return playback ? graphAt(playback, this.position()) : null;
  });
  protected readonly empty = computed(() => {
    const p = this.playback.data();
    return !p || (p.snapshot.nodes.length === 0 && p.deltas.length === 0);
  });
  /** Only the creation time matters for loading; a computed keeps job updates from reloading the graph. */
  private readonly createdAt = computed(() => this.context.job.data()?.createdAt);
  /** 'start': the whole story from the job's creation; 'now': the graph as it stands, for one too large to play back. */
  protected readonly from = signal<'start' | 'now'>('start');
  protected readonly truncated = computed(() => this.playback.data()?.hasMore === true);
  protected readonly playbackLimit = PLAYBACK_LIMIT;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      const id = this.context.jobId();
      const created = this.createdAt();
      untracked(() => {
        this.pause();
        this.from.set('start');
        if (id && created) this.load(id, created);
        else if (!id) this.playback.clear();
      });
    });
    effect(() => {
      if (this.context.graphVersion() === 0) return;
      untracked(() => {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.reload(), REFRESH_MS);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      clearTimeout(this.refreshTimer);
    });
  }

  protected reload(): void {
    const id = this.context.jobId();
    const created = this.context.job.data()?.createdAt;
    if (id && created) this.load(id, created);
  }

  /** The graph as it stands now, without playback: for a job with more changes than one playback holds. */
  protected showNow(): void {
    this.pause();
    this.cursor.seek(null);
    this.from.set('now');
    this.reload();
  }

  private load(id: string, createdAt: string): void {
    // From the start: the graph as it stood when the job was created (usually empty) and every change since, the whole
    // story (up to PLAYBACK_LIMIT changes). From now: the graph as it stands and no changes to play.
    const at = this.from() === 'now' ? new Date().toISOString() : new Date(Date.parse(createdAt) - 1000).toISOString();
    void this.playback.load(async () => (await this.client.request(JobGraphDocument, { id, at, limit: PLAYBACK_LIMIT })).job?.graph ?? null,
      `graph:${id}:${this.from()}`);
  }

  protected togglePlay(): void {
    if (this.playing()) this.pause();
    else this.play();
  }

  protected play(): void {
    if (this.deltas().length === 0) return;
    if (this.position() >= this.deltas().length) this.seekTo(0);
    this.playing.set(true);
    this.tick();
  }

  protected pause(): void {
    this.playing.set(false);
    clearTimeout(this.timer);
  }

  protected step(direction: 1 | -1): void {
    this.pause();
    this.seekTo(this.position() + direction);
  }

  /** Shows the graph after `count` deltas by moving the global cursor to the time of the last one. */
  protected seekTo(count: number): void {
    const deltas = this.deltas();
    const clamped = Math.max(0, Math.min(deltas.length, count));
    if (clamped >= deltas.length) {
      this.cursor.seek(null);
      return;
    }
    if (clamped === 0) {
      const start = this.playback.data()?.at ?? this.context.job.data()?.createdAt ?? deltas[0].at;
      this.cursor.seek(new Date(Math.min(Date.parse(start), Date.parse(deltas[0].at) - 1)));
      return;
    }
    this.cursor.seek(deltas[clamped - 1].at);
  }

  protected time(count: number): string {
    const d = this.deltas()[count - 1];
    return d ? formatTime(d.at, this.i18n.locale()) : '—';
  }

  private tick(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.playing()) return;
      const next = this.position() + 1;
      this.seekTo(next);
      if (next >= this.deltas().length) this.pause();
      else this.tick();
    }, 1000 / this.speed());
  }
}
