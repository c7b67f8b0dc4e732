/** Retries `assertion` until it passes or `timeoutMs` ends, then rethrows its last failure. */
export async function eventually<T>(
  assertion: () => Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
