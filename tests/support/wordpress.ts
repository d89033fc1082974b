/**
 * A real WordPress for Node tests (issue #20): the system's WordPress (Debian's `wordpress` package, or
 * ARCHIPEL_WORDPRESS) in a temporary root of links with its own wp-config.php, wp-content (the plugin installed from
 * its zip, a plain theme) and a fresh MariaDB database (127.0.0.1:3306, root without a password, or
 * ARCHIPEL_TEST_MYSQL_HOST), served by `php -S` on a loopback port. Nothing outside the temporary root and the
 * database changes; `close()` removes both.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const FIXTURES = resolve('tests/wordpress/fixtures');
export const WORDPRESS = process.env.ARCHIPEL_WORDPRESS ?? '/usr/share/wordpress';
export const MYSQL_HOST = process.env.ARCHIPEL_TEST_MYSQL_HOST ?? '127.0.0.1:3306';

const run = promisify(execFile);

/** Runs PHP code with mysqli on the test database server; rejects with MariaDB's message. */
function mysql(statement: string) {
  const [host, port] = MYSQL_HOST.split(':');
  const code = `$db = @new mysqli(${JSON.stringify(host)}, 'root', '', '', ${Number(port ?? 3306)}); if ($db->connect_errno) { fwrite(STDERR, $db->connect_error); exit(1); } if (!$db->query(${JSON.stringify(statement)})) { fwrite(STDERR, $db->error); exit(1); }`;
  return run('php', ['-r', code], { timeout: 10_000 });
}

/** Why WordPress tests cannot run on this machine, or undefined when they can. */
export async function wordpressUnavailable(): Promise<string | undefined> {
  const php = spawnSync('php', ['-r', 'echo extension_loaded("mysqli") ? "mysqli" : "none";'], { encoding: 'utf8' });
  if (php.error) return 'no php command (apt-get install php-cli php-mysql)';
  if (php.stdout !== 'mysqli') return 'php has no mysqli extension (apt-get install php-mysql)';
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) return `no WordPress at ${WORDPRESS} (apt-get install wordpress, or set ARCHIPEL_WORDPRESS)`;
  if (spawnSync('unzip', ['-v']).error) return 'no unzip command (apt-get install unzip)';
  try {
    await mysql('SELECT 1');
  } catch (err) {
    return `no MariaDB or MySQL answers at ${MYSQL_HOST} as root without a password (${((err as { stderr?: string }).stderr || (err as Error).message).trim()})`;
  }
  return undefined;
}

/** A free loopback port, so that WordPress's address is known before it is installed. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

export interface WordPress {
  /** http://127.0.0.1:<port>, the site's address. */
  origin: string;
  root: string;
  /** The password of every user the fixtures make: "admin", and the author "autrice" (setup.php). */
  password: string;
  /** Runs one of tests/wordpress/fixtures/*.php with the site loaded; resolves to what it printed. */
  php(script: string, env?: Record<string, string>, input?: string): Promise<string>;
  close(): Promise<void>;
}

/** Installs WordPress with the plugin from `pluginZip` and serves it; the plugin is not yet activated. */
export async function startWordPress(pluginZip: string): Promise<WordPress> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const root = mkdtempSync(join(tmpdir(), 'archipel-wp-'));
  const database = `archipel_wp_${randomBytes(5).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let server: ChildProcess | undefined;

  /** Stops the server and its workers, which are in its process group; once. */
  const stop = () => {
    process.off('exit', stop);
    if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    server = undefined;
  };

  const close = async () => {
    stop();
    await mysql(`DROP DATABASE IF EXISTS ${database}`).catch(() => {});
    rmSync(root, { recursive: true, force: true });
  };

  const php = (script: string, env: Record<string, string> = {}, input?: string) =>
    new Promise<string>((ok, fail) => {
      const child = spawn('php', [join(FIXTURES, script)], { env: { ...process.env, ARCHIPEL_WP_ROOT: root, ARCHIPEL_WP_HOST: `127.0.0.1:${port}`, ARCHIPEL_WP_PASSWORD: password, ...env } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`php ${script} exited with ${code}: ${err || out}`))));
      child.stdin.end(input ?? '');
    });

  try {
    for (const name of readdirSync(WORDPRESS)) {
      if (name !== 'wp-config.php' && name !== 'wp-content') symlinkSync(join(WORDPRESS, name), join(root, name));
    }
    mkdirSync(join(root, 'wp-content/plugins'), { recursive: true });
    mkdirSync(join(root, 'wp-content/uploads'));
    cpSync(join(FIXTURES, 'theme'), join(root, 'wp-content/themes/archipel-test'), { recursive: true });
    await run('unzip', ['-q', pluginZip, '-d', join(root, 'wp-content/plugins')]);
    const config = readFileSync(join(FIXTURES, 'wp-config.php'), 'utf8')
      .replaceAll('%DB_NAME%', database)
      .replaceAll('%DB_HOST%', MYSQL_HOST)
      .replaceAll('%ORIGIN%', origin)
      .replaceAll('%SALT%', randomBytes(24).toString('hex'));
    writeFileSync(join(root, 'wp-config.php'), config);
    cpSync(join(FIXTURES, 'router.php'), join(root, 'router.php'));
    await mysql(`CREATE DATABASE ${database} CHARACTER SET utf8mb4`);
    await php('install.php');

    // A few workers: the block editor asks for many things at once.
    server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, join(root, 'router.php')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    // A test run that ends without close() (a crash, Ctrl-C) leaves no server behind either.
    process.once('exit', stop);
    let log = '';
    server.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
    const started = Date.now();
    for (;;) {
      if (server.exitCode !== null) throw new Error(`php -S stopped: ${log}`);
      const answer = await fetch(`${origin}/wp-login.php`).catch(() => undefined);
      if (answer?.ok) break;
      if (Date.now() - started > 20_000) throw new Error(`WordPress did not answer on ${origin} within 20 s: ${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { origin, root, password, php, close };
  } catch (err) {
    await close();
    throw err;
  }
}
