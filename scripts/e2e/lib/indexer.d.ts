// Types of lib/indexer.js, for the board's TypeScript (app/e2e/setup.ts).
import type { ChildProcess } from 'node:child_process';

export const INDEXER: string;

export interface Indexer {
  proc: ChildProcess;
  /** Its API, `http://127.0.0.1:PORT`. */
  url: string;
  output(): string;
  exit: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startIndexer(wsUrl: string, db: string, extra?: string[], options?: { port?: number; logFile?: string }): Promise<Indexer>;
export function get(indexer: Indexer, path: string): Promise<{ status: number; body: any }>;
export function caughtUp(indexer: Indexer, n: number, timeoutMs?: number): Promise<void>;
export function storedRows(db: string, upTo: number): Record<string, unknown[][]>;
export function todaysPeriod(): string;
export function plancks(amount: string): bigint;
