/**
 * The files that deploy the server (packages/server/deploy): checked with the tools this machine has. The
 * systemd unit with `systemd-analyze verify`, the HAProxy configuration with `haproxy -c`; the Dockerfile and
 * compose.yaml are read (docker may be absent or without a daemon: then the image is not built here).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DEPLOY = 'packages/server/deploy';
const has = (tool: string, ...args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const missing = (tool: string, ...args: string[]) => (has(tool, ...args) ? false : `${tool} is not installed here`);

describe('deployment files', () => {
  it('give systemd a unit it accepts, that runs the server’s command', { skip: missing('systemd-analyze', '--version') }, () => {
    const unit = join(DEPLOY, 'archipel-server.service');
    // verify prints what it finds wrong and exits non-zero; a unit it accepts prints nothing.
    const out = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stderr.trim(), '');
    assert.match(readFileSync(unit, 'utf8'), /^ExecStart=\/usr\/bin\/node \/opt\/archipel\/bin\/archipel-server\.mjs/m);
    assert.ok(existsSync('packages/server/bin/archipel-server.mjs'));
  });

  it('give HAProxy a configuration it accepts, checking instances on /health', { skip: missing('haproxy', '-v') }, () => {
    const cfg = join(DEPLOY, 'haproxy.cfg');
    assert.match(execFileSync('haproxy', ['-c', '-f', cfg], { encoding: 'utf8' }), /valid/);
    assert.match(readFileSync(cfg, 'utf8'), /option httpchk GET \/health/);
  });

  it('build an image from files that exist, starting the compiled command, with a health check', () => {
    const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
    for (const [, from] of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) assert.ok(existsSync(from!), `COPY ${from}`);
    for (const [, from] of dockerfile.matchAll(/^COPY --from=build \/src\/(\S+)/gm)) assert.ok(existsSync(from!) || from === 'packages/server/dist', `COPY --from=build ${from}`);
    assert.match(dockerfile, /^ENTRYPOINT \["node", "bin\/archipel-server\.mjs"\]/m);
    assert.match(dockerfile, /^HEALTHCHECK .*\/health/m);
  });

  it('compose the server with PostgreSQL, the server waiting until the database is ready', () => {
    const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { build?: { context: string; dockerfile: string }; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> }>;
    };
    const { server, postgres } = compose.services;
    assert.ok(postgres && server);
    assert.ok(existsSync(join(DEPLOY, server.build!.context, server.build!.dockerfile)), 'the Dockerfile, from the build context');
    assert.match(server.environment!.DATABASE_URL!, /^postgres:\/\/archipel:.*@postgres:5432\/archipel$/);
    assert.equal(server.depends_on!.postgres!.condition, 'service_healthy');
  });
});
