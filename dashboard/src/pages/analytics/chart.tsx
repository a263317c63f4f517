// One uPlot chart: sized to its container (ResizeObserver), redrawn in the theme's colours when the
// theme changes, and readable without seeing it: a summary line (also the canvas' accessible name)
// and a data table behind a toggle.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n/context';
import { Button, Table, type Column } from '../../ui';
import { readChartColors, useThemeVersion, type ChartColors } from './theme-colors';

let drawable: boolean | undefined;
function canDraw(): boolean {
  if (drawable === undefined) {
    try {
      drawable = document.createElement('canvas').getContext('2d') !== null;
    } catch {
      drawable = false;
    }
  }
  return drawable;
}

export type ChartSpec = {
  /** uPlot options without width and height; built with the theme's colours. */
  options: (colors: ChartColors) => Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
};

type ChartProps<Row> = {
  title: string;
  summary: string;
  spec: ChartSpec;
  height?: number;
  table: { columns: readonly Column<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string };
  /** Under the chart: links to the users behind it, notes. */
  footer?: ComponentChildren;
};

export function Chart<Row>({ title, summary, spec, height = 240, table, footer }: ChartProps<Row>) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    // No 2D canvas (a test DOM): the summary and the table still say everything.
    if (!canDraw()) return;
    let plot: uPlot | null = null;
    try {
      plot = new uPlot({ ...spec.options(readChartColors()), width: Math.max(200, el.clientWidth), height }, spec.data, el);
    } catch {
      return;
    }
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height })) : null;
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot?.destroy();
    };
  }, [spec, height, theme]);

  return (
    <figure class="chart">
      <figcaption class="chart-head">
        <span class="chart-title">{title}</span>
        <Button size="sm" variant="ghost" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
          {showTable ? t('analytics.chart.hideTable') : t('analytics.chart.showTable')}
        </Button>
      </figcaption>
      <p class="chart-summary">{summary}</p>
      <div class="chart-canvas" ref={host} role="img" aria-label={`${title}: ${summary}`} />
      <div id={tableId} hidden={!showTable}>
        {showTable && <Table caption={title} columns={table.columns} rows={table.rows} rowKey={table.rowKey} />}
      </div>
      {footer !== undefined && <div class="chart-footer">{footer}</div>}
    </figure>
  );
}

/** Shared axis and grid styling. */
export function axis(colors: ChartColors, values?: uPlot.Axis['values'], extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: colors.muted,
    grid: { stroke: colors.border, width: 1 },
    ticks: { stroke: colors.border, width: 1 },
    font: '12px system-ui, sans-serif',
    ...(values === undefined ? {} : { values }),
    ...extra,
  };
}

export type Bar = { lo: number; hi: number; color: string };

/**
 * Bars from `lo` to `hi` at x = 0, 1, 2 … (a histogram, bars per week, a waterfall). The series
 * draws nothing itself; the draw hook fills the rectangles, so floating bars are as easy as plain ones.
 */
export function barsHook(bars: () => readonly (Bar | null)[], widthShare = 0.7): uPlot.Hooks.Defs['draw'] {
  return (u: uPlot) => {
    const ctx = u.ctx;
    const list = bars();
    const step = list.length > 1 ? Math.abs(u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)) : u.bbox.width / 2;
    const width = Math.max(2, step * widthShare);
    ctx.save();
    list.forEach((bar, i) => {
      if (bar === null) return;
      const x = u.valToPos(i, 'x', true) - width / 2;
      const y1 = u.valToPos(Math.max(bar.lo, bar.hi), 'y', true);
      const y0 = u.valToPos(Math.min(bar.lo, bar.hi), 'y', true);
      ctx.fillStyle = bar.color;
      ctx.fillRect(x, y1, width, Math.max(1, y0 - y1));
    });
    ctx.restore();
  };
}

/** A series that only feeds the scale, cursor and legend; barsHook draws it. */
export const hiddenSeries = (label: string, value: (v: number | null) => string): uPlot.Series => ({
  label,
  paths: () => null,
  points: { show: false },
  value: (_u, v) => value(v),
});
