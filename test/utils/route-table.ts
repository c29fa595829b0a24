import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface DocumentedRoute {
  method: string;
  path: string;
  /** Concrete URL with placeholder parameters filled in. */
  url: string;
  roles?: string[];
  isPublic: boolean;
}

interface Operation {
  'x-roles'?: string[];
  'x-public'?: boolean;
}

const SAMPLE_PARAMS: Record<string, string> = { code: 'COL', measure_code: 'COL' };

/** Every route in the OpenAPI document with the access rule its decorators declared. */
export async function documentedRoutes(app: NestFastifyApplication): Promise<DocumentedRoute[]> {
  const doc = (await app.inject({ method: 'GET', url: '/docs/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      url: path.replace(/\{(\w+)\}/g, (_match, name: string) => SAMPLE_PARAMS[name] ?? randomUUID()),
      roles: operation['x-roles'],
      isPublic: operation['x-public'] === true,
    })),
  );
}

const MATRIX_ROLES = ['admin', 'analyst', 'integration', 'auditor'];

/** The route × role table of docs/security.md, rendered from the route table itself. */
export function renderRoleMatrix(routes: DocumentedRoute[]): string {
  const header = `| Method | Route | ${MATRIX_ROLES.join(' | ')} |\n|---|---|${MATRIX_ROLES.map(() => ':-:').join('|')}|`;
  const rows = routes.map((route) => {
    const cells = MATRIX_ROLES.map((role) => (route.isPublic ? 'no key' : route.roles?.includes(role) ? '✓' : '—'));
    return `| ${route.method} | \`${route.path}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}
