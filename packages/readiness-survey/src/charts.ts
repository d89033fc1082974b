/**
 * Chart.js with only what the results view draws: horizontal bars (choices,
 * yes/no) and one stacked bar per scale. Registering parts rather than
 * importing 'chart.js/auto' keeps this chunk to the controllers used.
 */
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, type ChartConfiguration } from 'chart.js';
import type { QuestionResult } from '@archipel/core';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartColours {
  bar: string;
  /** Shades from light to dark for the values of a scale. */
  shades: string[];
  text: string;
  grid: string;
  font: string;
}

/** A bar: the value answers hold (`key`), and its label in the reader's language, `lang` when it is not the widget's. */
/** A bar; a count of `null` is a group too small to show (public results), drawn as no bar. */
export type ChartRow = { key: string; label: string; lang?: string; count: number | null };

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
