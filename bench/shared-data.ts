import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The read-only shared corpus and evaluation kit, next to the project; null when absent. */
export function sharedDir(): string | null {
  const dir = resolve(process.env.MIGRALENS_SHARED ?? '../shared');
  return existsSync(`${dir}/corpus`) && existsSync(`${dir}/eval`) ? dir : null;
}

export const quantile = (values: number[], q: number) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
