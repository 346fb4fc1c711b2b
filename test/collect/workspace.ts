// A copy of the shipped plans for collect tests, where Phòng Văn hóa – Thông
// tin also supports task 1.6.b (the seed names no concrete supporting unit).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../e2e/run-plan.js';

export const PLAN = path.join('plans', 'kh-pbgdpl-2024-son-dong.yaml');

export function workspaceCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-collect-'));
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  const file = path.join(dir, PLAN);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('          - id: "1.6.b"');
  const support = text.indexOf('            support:\n', at);
  expect(at).toBeGreaterThan(0);
  writeFileSync(file, `${text.slice(0, support)}            support:\n              - Phòng Văn hóa – Thông tin\n${text.slice(support + '            support:\n'.length)}`);
  return dir;
}

export const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
