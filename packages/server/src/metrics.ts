/**
 * GET /metrics, with --metrics: counters of this instance in Prometheus's text format, for a scraper that asks
 * each instance. Nothing personal: routes (never paths with ids, never query strings), statuses, collections
 * and reasons. Not served unless asked for, and best kept to the campaign's own network.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The problem type an answer carried (`spam`, or its status), as sendProblem set it. */
export const problemTypes = new WeakMap<FastifyReply, string>();

const REFUSALS: Record<string, string> = { '429': 'rate_limit', spam: 'spam', '422': 'invalid', '413': 'too_large', '415': 'media_type', '400': 'malformed', '403': 'origin', '401': 'unauthorized', '409': 'conflict' };

type Labels = Record<string, string | number>;

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Each set of labels' text, made once (every answer counts one). */
  private readonly keys = new Map<string, string>();

  add(labels: Labels) {
    const values = Object.values(labels).join('\u0000');
    let key = this.keys.get(values);
    if (key === undefined) {
      key = Object.entries(labels)
        .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '_')}"`)
        .join(',');
      this.keys.set(values, key);
    }
    this.values.set(key, (this.values.get(key) ?? 0) + 1);
  }

  text(): string {
    const lines = [...this.values].map(([labels, n]) => `${this.name}{${labels}} ${n}`);
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
  }
}

export class Metrics {
  readonly requests = new Counter('archipel_requests_total', 'Requests answered, by method, route and status.');
  readonly writes = new Counter('archipel_writes_total', 'Public writes answered 201, by collection; stored="false" for a repeated id.');
  readonly refusals = new Counter('archipel_refusals_total', 'Public writes refused, by collection and reason.');
  readonly exports = new Counter('archipel_exports_total', 'CSV exports of personal data, by collection.');

  text(): string {
    return [this.requests, this.writes, this.refusals, this.exports].map((c) => c.text()).join('');
  }
}

const WRITE_ROUTES: Record<string, string> = { '/api/signups': 'signups', '/api/posts': 'posts', '/api/surveys/:id/responses': 'responses' };

/** Counts every answer, and serves the counts at /metrics when `serve` is set. */
export function metricsOf(app: FastifyInstance, metrics: Metrics, serve: boolean) {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unknown';
    metrics.requests.add({ method: request.method, route, status: reply.statusCode });
    const collection = request.method === 'POST' ? WRITE_ROUTES[route] : undefined;
    if (collection && reply.statusCode >= 400 && reply.statusCode < 500) {
      const type = problemTypes.get(reply) ?? String(reply.statusCode);
      metrics.refusals.add({ collection, reason: REFUSALS[type] ?? type });
    }
    done();
  });
  if (serve) {
    app.get('/metrics', { config: { polled: true } }, async (_request, reply) =>
      reply.headers({ 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' }).send(metrics.text()),
    );
  }
}
