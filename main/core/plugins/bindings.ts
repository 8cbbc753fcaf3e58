import type { Store } from '../store/store';

/**
 * Which plugins a project or a mock runs (catalog migration 15), by scope id (a project's or
 * a mock's), in order. Kept in memory too: the pipeline reads them when a project compiles.
 */
export class PluginBindings {
  private cache: Map<string, string[]> | null = null;

  constructor(private readonly store: Store) {}

  of(scopeId: string): readonly string[] {
    return this.all().get(scopeId) ?? [];
  }

  /** Scopes that run `plugin`. */
  scopesRunning(plugin: string): string[] {
    return [...this.all()].filter(([, names]) => names.includes(plugin)).map(([scope]) => scope);
  }

  set(scopeId: string, plugins: readonly string[]): void {
    const db = this.store.db;
    db.transaction(() => {
      db.prepare('DELETE FROM plugin_bindings WHERE scope_id = ?').run(scopeId);
      const insert = db.prepare('INSERT INTO plugin_bindings (scope_id, position, plugin) VALUES (?, ?, ?)');
      plugins.forEach((p, i) => insert.run(scopeId, i, p));
    })();
    this.cache = null;
  }

  private all(): Map<string, string[]> {
    if (this.cache) return this.cache;
    const rows = this.store.db
      .prepare('SELECT scope_id, plugin FROM plugin_bindings ORDER BY scope_id, position')
      .all() as { scope_id: string; plugin: string }[];
    const map = new Map<string, string[]>();
    for (const r of rows) {
      const list = map.get(r.scope_id);
      if (list) list.push(r.plugin);
      else map.set(r.scope_id, [r.plugin]);
    }
    this.cache = map;
    return map;
  }
}
