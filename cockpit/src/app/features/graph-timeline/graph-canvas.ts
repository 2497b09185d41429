import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, effect, inject, input, viewChild } from '@angular/core';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { ThemeService } from '../../core/theme/theme.service';
import { type GraphState, nodeLabel } from './graph-playback';

/**
 * Draws a graph state with cytoscape and keeps it in step by element id (adds, removes, updates) so playback does
 * not redraw everything. Only loaded through @defer: cytoscape stays out of the initial bundle.
 */
@Component({
  selector: 'app-graph-canvas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #canvas class="canvas" data-testid="graph-canvas"></div>`,
  styles: `:host { display: block; height: 100%; } .canvas { width: 100%; height: 100%; min-height: 260px; }`,
})
export class GraphCanvas {
  private readonly theme = inject(ThemeService);
  readonly state = input.required<GraphState>();
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private cy: Core | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.cy = cytoscape({ container: this.element().nativeElement, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
      destroyRef.onDestroy(() => this.cy?.destroy());
      this.sync();
      this.style();
    });
    effect(() => {
      this.state();
      this.sync();
    });
    effect(() => {
      this.theme.effective();
      this.style();
    });
  }

  private sync(): void {
    const cy = this.cy;
    if (!cy) return;
    const state = this.state();
    const wanted: ElementDefinition[] = [
      ...[...state.nodes.values()].map((n) => ({ group: 'nodes' as const, data: { id: `n:${n.id}`, label: nodeLabel(n), kind: n.labels[0] ?? '' } })),
      ...[...state.edges.values()].map((e) => ({
        group: 'edges' as const,
        data: { id: `e:${e.id}`, source: `n:${e.from}`, target: `n:${e.to}`, label: e.type ?? '' },
      })),
    ];
    const ids = new Set(wanted.map((w) => w.data.id as string));
    let added = false;
    cy.batch(() => {
      cy.elements().filter((el) => !ids.has(el.id())).remove();
      for (const w of wanted) {
        const existing = cy.getElementById(w.data.id as string);
        if (existing.nonempty()) existing.data(w.data);
        else {
          cy.add(w);
          added = true;
        }
      }
    });
    if (added) cy.layout({ name: 'cose', animate: false, fit: true, padding: 20 }).run();
  }

  private style(): void {
    const cy = this.cy;
    if (!cy) return;
    const css = getComputedStyle(this.element().nativeElement);
    const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
    cy.style([
      { selector: 'node', style: { 'background-color': v('--ctp-blue'), label: 'data(label)', color: v('--text-color'), 'font-size': 9, width: 18, height: 18 } },
      { selector: 'edge', style: { width: 1.2, 'line-color': v('--ctp-overlay0'), 'target-arrow-color': v('--ctp-overlay0'),
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: v('--muted-color') } },
    ]);
  }
}
