// Small SVG charts with made-up but stable data (seeded from an id), so the demo looks alive.

import { svg } from './dom.js';
import { shortHash } from './store.js';

export const CHART_TYPES = ['line', 'bar', 'area', 'pie'];

/** A deterministic series of `count` values in [min, max], gently trending up. */
export function series(seed, count, min = 20, max = 100) {
  let state = parseInt(shortHash(seed).slice(0, 7), 36) || 1;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
  const values = [];
  for (let i = 0; i < count; i++) {
    const trend = (i / Math.max(1, count - 1)) * 0.35;
    values.push(Math.round(min + (max - min) * Math.min(1, 0.35 + trend + next() * 0.3)));
  }
  return values;
}

const W = 320;
const H = 120;
const PAD = 8;

function points(values) {
  const top = Math.max(...values);
  const step = (W - PAD * 2) / Math.max(1, values.length - 1);
  return values.map((v, i) => [PAD + i * step, H - PAD - (v / top) * (H - PAD * 2)]);
}

function frame(label, ...children) {
  return svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${W} ${H}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': label,
    },
    svg('title', null, label),
    [1, 2, 3].map((i) =>
      svg('line', { class: 'chart-grid', x1: 0, x2: W, y1: (H / 4) * i, y2: (H / 4) * i }),
    ),
    children,
  );
}

function line(values, label, filled) {
  const pts = points(values);
  const d = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  const area = `${d} L${W - PAD} ${H} L${PAD} ${H} Z`;
  return frame(
    label,
    filled && svg('path', { class: 'chart-area', d: area }),
    svg('path', { class: 'chart-line', d, 'vector-effect': 'non-scaling-stroke' }),
  );
}

function bars(values, label) {
  const slot = (W - PAD * 2) / values.length;
  const top = Math.max(...values);
  return frame(
    label,
    values.map((v, i) => {
      const height = (v / top) * (H - PAD * 2);
      return svg('rect', {
        class: 'chart-bar',
        x: PAD + i * slot + slot * 0.18,
        y: H - PAD - height,
        width: slot * 0.64,
        height,
        rx: 2,
      });
    }),
  );
}

function pie(values, label) {
  const slices = values.slice(0, 4);
  const total = slices.reduce((a, b) => a + b, 0);
  const cx = W / 2;
  const cy = H / 2;
  const r = H / 2 - PAD;
  let angle = -Math.PI / 2;
  const paths = slices.map((v, i) => {
    const start = angle;
    angle += (v / total) * Math.PI * 2;
    const large = angle - start > Math.PI ? 1 : 0;
    const [x1, y1] = [cx + r * Math.cos(start), cy + r * Math.sin(start)];
    const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    const d = `M${cx} ${cy} L${x1.toFixed(1)} ${y1.toFixed(1)} A${r} ${r} 0 ${large} 1 ${x2.toFixed(1)} ${y2.toFixed(1)} Z`;
    return svg('path', { class: `chart-slice chart-slice-${i}`, d });
  });
  return svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label },
    svg('title', null, label),
    paths,
  );
}

/** @param {'line' | 'bar' | 'area' | 'pie'} type */
export function chart(type, seed, label, count = 12) {
  const values = series(seed, count);
  if (type === 'bar') return bars(values, label);
  if (type === 'area') return line(values, label, true);
  if (type === 'pie') return pie(values, label);
  return line(values, label, false);
}
