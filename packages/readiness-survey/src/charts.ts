/**
 * Chart.js with only what the results view draws: horizontal bars (choices,
 * yes/no) and one stacked bar per scale. Registering parts rather than
 * importing 'chart.js/auto' keeps this chunk to the controllers used.
 */
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, type ChartConfiguration, type Plugin } from 'chart.js';
import type { QuestionResult } from '@archipel/core';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartColours {
  bar: string;
  /** Shades from light to dark for the values of a scale. */
  shades: string[];
  /** Text readable on each shade. */
  onShades: string[];
  text: string;
  grid: string;
  font: string;
}

/** A bar: the value answers hold (`key`), and its label in the reader's language, `lang` when it is not the widget's. */
/** A bar; a count of `null` is a group too small to show (public results), drawn as no bar. */
export type ChartRow = { key: string; label: string; lang?: string; count: number | null };

/**
 * Writes each value of a scale on its own segment, so that the shades are not the only way to tell the values
 * apart (WCAG 1.4.1); a segment too narrow for its value is left to the legend, the tooltip and the table.
 */
const valuesOnSegments = (c: ChartColours): Plugin<'bar'> => ({
  id: 'valuesOnSegments',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `600 13px ${c.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((d, i) => {
      for (const bar of chart.getDatasetMeta(i).data) {
        const { x, base, y } = bar.getProps(['x', 'base', 'y'], true) as { x: number; base: number; y: number };
        const label = String(d.label ?? '');
        if (Math.abs(x - base) < ctx.measureText(label).width + 8) continue;
        ctx.fillStyle = c.onShades[i % c.onShades.length]!;
        ctx.fillText(label, (x + base) / 2, y);
      }
    });
    ctx.restore();
  },
});

function config(q: QuestionResult, rows: ChartRow[], c: ChartColours, animate: boolean): ChartConfiguration<'bar'> {
  const scale = q.type === 'scale';
  const tick = { color: c.text, font: { family: c.font, size: 13 } };
  return {
    type: 'bar',
    data: scale
      ? { labels: [''], datasets: rows.map((r, i) => ({ label: r.label, data: [r.count], backgroundColor: c.shades[i % c.shades.length], borderColor: c.text, borderWidth: 0.5 })) }
      : { labels: rows.map((r) => r.label), datasets: [{ label: q.label, data: rows.map((r) => r.count), backgroundColor: c.bar }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: animate ? { duration: 250 } : false,
      scales: {
        x: { stacked: scale, beginAtZero: true, ticks: { ...tick, precision: 0 }, grid: { color: c.grid } },
        y: { stacked: scale, ticks: tick, grid: { display: false } },
      },
      plugins: {
        legend: { display: scale, position: 'bottom', labels: { color: c.text, font: tick.font } },
        tooltip: { enabled: true },
      },
    },
    plugins: scale ? [valuesOnSegments(c)] : [],
  };
}

/** Draws `q` on `canvas`, or updates the chart already there without animating. */
export function drawChart(canvas: HTMLCanvasElement, q: QuestionResult, rows: ChartRow[], colours: ChartColours, existing?: Chart<'bar'>): Chart<'bar'> {
  const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const next = config(q, rows, colours, animate);
  if (existing && existing.canvas === canvas) {
    existing.data = next.data;
    existing.update('none');
    return existing;
  }
  existing?.destroy();
  return new Chart(canvas, next);
}

export type { Chart };
