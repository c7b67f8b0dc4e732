import { LRUCache } from 'lru-cache';

/**
 * A bounded map of promises, least recently used out first: task forms are immutable per (form version,
 * rubric version, kind), so each is loaded and compiled once per process, and concurrent first requests
 * share one load. A failed load is forgotten, so the next request retries it.
 */
export class TaskFormCache<T> {
  private readonly entries: LRUCache<string, Promise<T>>;

  constructor(capacity: number) {
    this.entries = new LRUCache({ max: capacity });
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (this.entries.peek(key) === loading) this.entries.delete(key);
    });
    return loading;
  }

  get size(): number {
    return this.entries.size;
  }
}
