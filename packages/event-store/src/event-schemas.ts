type EventData = Record<string, unknown>;
type Upcast = (data: EventData) => EventData;

/**
 * Versions of event shapes. An event type starts at version 1; each registered upcaster lifts stored data
 * from one version to the next, so readers only ever see the current shape while old rows stay untouched.
 */
export class EventSchemas {
  private readonly upcasters = new Map<string, Map<number, Upcast>>();

  /** Registers how `type` data of `fromVersion` becomes `fromVersion + 1`. */
  upcast(type: string, fromVersion: number, upcast: Upcast): this {
    const chain = this.upcasters.get(type) ?? new Map<number, Upcast>();
    if (chain.has(fromVersion))
      throw new Error(`${type} already has an upcaster from version ${fromVersion}`);
    chain.set(fromVersion, upcast);
    this.upcasters.set(type, chain);
    return this;
  }

  /** The version new events of `type` are written with. */
  currentVersion(type: string): number {
    const chain = this.upcasters.get(type);
    return chain ? Math.max(...chain.keys()) + 1 : 1;
  }

  /** Lifts data stored at `version` to the current version of `type`. */
  toCurrent(type: string, version: number, data: EventData): EventData {
    const chain = this.upcasters.get(type);
    const target = this.currentVersion(type);
    let current = data;
    for (let v = version; v < target; v++) {
      const step = chain?.get(v);
      if (!step) throw new Error(`${type} has no upcaster from version ${v} to ${v + 1}`);
      current = step(current);
    }
    return current;
  }
}
