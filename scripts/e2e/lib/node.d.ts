// Types of lib/node.js, for the board's TypeScript (app/e2e/setup.ts).
import type { ChildProcess } from 'node:child_process';

export const NODE: string;
export function sleep(ms: number): Promise<void>;
export function freePort(): Promise<number>;
export function chainSpecWithCode(chain: string, codePath: string, dir: string): string;
export function rpcUrl(url: string, method: string, params?: unknown[], timeoutMs?: number): Promise<any>;
export function rpc(port: number, method: string, params?: unknown[], timeoutMs?: number): Promise<any>;
export function waitFor(what: string, ms: number, check: () => Promise<boolean>, everyMs?: number): Promise<void>;

export interface StartOptions {
  rpcPort?: number;
  p2pPort?: number;
  logFile?: string;
  append?: boolean;
  waitMs?: number;
  minBlock?: number;
  onUnexpectedExit?: (code: number | null, signal: string | null) => void;
  wrap?: string[];
  host?: string;
  metrics?: boolean;
}

export interface PeerNode {
  proc: ChildProcess;
  rpcPort: number;
  p2pPort: number;
  wsUrl: string;
  logFile: string;
  exit: Promise<void>;
  running(): boolean;
  rpc(method: string, params?: unknown[], timeoutMs?: number): Promise<any>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  printLog(lines?: number): void;
}

export function startNode(args: string[], options?: StartOptions): Promise<PeerNode>;
