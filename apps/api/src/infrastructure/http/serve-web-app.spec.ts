import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveWebAppPages } from './serve-web-app';

describe('serveWebAppPages', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<div id="root"></div>');
    fastify = Fastify();
    serveWebAppPages(fastify, dist);
    fastify.get('/api/me', () => ({ id: 'me' }));
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it("answers a deep link or a reload with the app's page", async () => {
    for (const url of ['/tasks/7f1c', '/team?manager=m1', '/admin/builder/forms/1']) {
      const response = await fastify.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('id="root"');
    }
  });

  it('leaves the API alone: its routes answer, its unknown paths are 404', async () => {
    expect((await fastify.inject('/api/me')).json()).toEqual({ id: 'me' });
    expect((await fastify.inject('/api/nothing-here')).statusCode).toBe(404);
    expect((await fastify.inject('/health/x')).statusCode).toBe(404);
    expect((await fastify.inject('/apiary')).statusCode).toBe(200);
  });
});
