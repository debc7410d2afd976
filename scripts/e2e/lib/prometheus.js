// Debian's `prometheus` beside a test network, loaded with the project's own
// alerting rules (ops/prometheus/alerts.yml) on a faster clock: every window
// and `for:` of the rules is divided by six (a 2-minute window becomes 20 s,
// `for: 1m` 10 s) and Prometheus scrapes and evaluates every 2 s, so an alert
// that takes three minutes on a consortium takes about thirty seconds here.
// The expressions are the shipped ones, unchanged.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from './node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const RULES = join(root, 'ops', 'prometheus', 'alerts.yml');
/** How much faster than on a consortium the rules run here. */
export const SPEEDUP = 6;

/** The shipped rules with every duration (`[2m]`, `for: 1m`) divided by `SPEEDUP`. */
export function fasterRules(text = readFileSync(RULES, 'utf8')) {
  const seconds = (n, unit) => (Number(n) * (unit === 'm' ? 60 : unit === 'h' ? 3600 : 1)) / SPEEDUP;
  return text
    .replace(/\[(\d+)([smh])\]/g, (_, n, unit) => `[${seconds(n, unit)}s]`)
    .replace(/^(\s*for:\s*)(\d+)([smh])\s*$/gm, (_, lead, n, unit) => `${lead}${seconds(n, unit)}s`);
}

/**
 * Starts Prometheus scraping `targets` ({ name: 'host:port' }) as the job
 * `peer-node`, each labelled `node: name`. Returns { url, alerts(), firing(name),
 * stop(), printLog() }.
 */
export async function startPrometheus(targets) {
  const dir = mkdtempSync(join(tmpdir(), 'peer-prometheus-'));
  writeFileSync(join(dir, 'alerts.yml'), fasterRules());
  const statics = Object.entries(targets)
    .map(([name, target]) => `      - targets: ['${target}']\n        labels: { node: ${name} }`).join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), `global:
  scrape_interval: 2s
  scrape_timeout: 1s
  evaluation_interval: 2s
rule_files:
  - alerts.yml
scrape_configs:
  - job_name: peer-node
    static_configs:
${statics}
`);
  const port = await freePort();
  const logFile = join(dir, 'prometheus.log');
  const log = createWriteStream(logFile);
  const proc = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  const exit = new Promise((resolve) => proc.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const printLog = () => {
    let text = '';
    try { text = readFileSync(logFile, 'utf8'); } catch { /* nothing */ }
    process.stderr.write(`----- prometheus log (last 40 lines) -----\n${text.split('\n').slice(-40).join('\n')}\n`);
  };
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => { try { proc.kill('SIGKILL'); } catch { /* gone */ } });
  const api = async (path) => {
    const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5000) });
    const body = await res.json();
    if (body.status !== 'success') throw new Error(`${path}: ${JSON.stringify(body)}`);
    return body.data;
  };
  try {
    await waitFor('Prometheus to be ready', 30000, async () => (await fetch(`${url}/-/ready`)).ok);
    // Every node scraped at least once, so that `increase` has a start.
    await waitFor('every node scraped', 30000, async () => {
      const { activeTargets } = await api('/api/v1/targets');
      return activeTargets.length === Object.keys(targets).length && activeTargets.every((t) => t.health === 'up');
    });
  } catch (e) {
    printLog();
    await stop();
    throw e;
  }
  /** The alerts Prometheus has now: [{ labels: { alertname, node, … }, state: 'pending'|'firing' }]. */
  const alerts = async () => (await api('/api/v1/alerts')).alerts;
  /** The nodes for which alert `name` fires now. */
  const firing = async (name) => (await alerts())
    .filter((a) => a.labels.alertname === name && a.state === 'firing').map((a) => a.labels.node).sort();
  return { url, alerts, firing, stop, printLog, query: (q) => api(`/api/v1/query?query=${encodeURIComponent(q)}`) };
}
