import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Paths that belong to the API: an unknown one there is a 404, never the web app's page. */
const API_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Answers any other GET outside the API with the web app's index.html (its files are served as static
 * assets beside this), so a deep link or a reload of /tasks/… opens the app on that page, not a 404.
 */
export function serveWebAppPages(fastify: FastifyInstance, webDist: string): void {
  const page = readFileSync(join(webDist, 'index.html'));
  fastify.get('/*', (request, reply) => {
    if (API_PATHS.test(request.url)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
}
