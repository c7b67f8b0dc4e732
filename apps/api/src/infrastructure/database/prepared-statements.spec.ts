import type { Pool } from 'pg';
import { preparedStatements } from './prepared-statements';

describe('preparedStatements', () => {
  it('names each SQL text once and the same way every time, and runs texts past its bound unnamed', async () => {
    const sent: unknown[] = [];
    const pool = { query: async (query: unknown) => sent.push(query) } as unknown as Pool;
    const db = preparedStatements(pool);
    await db.query('SELECT 1', []);
    await db.query('SELECT 2', [2]);
    await db.query('SELECT 1', [1]);
    expect(sent).toEqual([
      { name: 'read-model-1', text: 'SELECT 1', values: [] },
      { name: 'read-model-2', text: 'SELECT 2', values: [2] },
      { name: 'read-model-1', text: 'SELECT 1', values: [1] },
    ]);
    for (let i = 3; i <= 64; i++) await db.query(`SELECT ${i}`, []);
    sent.length = 0;
    await db.query('SELECT 65', []);
    expect(sent).toEqual(['SELECT 65']);
  });
});
