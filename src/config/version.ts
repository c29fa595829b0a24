import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function readVersion(): string {
  // Works from src/ under ts-jest and from dist/src/ once built: walk up to the package.json.
  for (const up of ['../..', '../../..']) {
    try {
      return (JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      continue;
    }
  }
  return 'unknown';
}

export const SERVICE_VERSION = readVersion();
