/** What changed in the catalog; the engine recompiles the project's routes on each. */
export interface CatalogChange {
  projectId: string;
  kind: 'project' | 'mock' | 'response' | 'deleted';
}
export type CatalogListener = (change: CatalogChange) => void;

export class CatalogEvents {
  private readonly listeners = new Set<CatalogListener>();

  on(listener: CatalogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: CatalogChange): void {
    for (const l of this.listeners) l(change);
  }
}
