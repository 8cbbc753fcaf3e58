import type { DomainEventPayload } from '../../../shared/models';
import type { Catalog } from './catalog';

/*
 * Domain events about things outside the catalog's own content (a marketplace publish, a
 * promotion), recorded through the catalog so they share its outbox and after-commit
 * delivery. Here rather than in pipelines/ so any feature that can reach the catalog can
 * record them without depending on pipelines.
 */

/**
 * Records that a scenario of a project was published to the marketplace: a
 * `marketplace.published` domain event in the outbox (pipelines see `scenario.published`).
 * Call it inside the publish's own transaction when it has one (the event then commits with
 * it); outside one, it opens its own.
 */
export function recordScenarioPublished(catalog: Catalog, payload: DomainEventPayload<'marketplace.published'>): void {
  catalog.store.tx(() => catalog.events.record({ type: 'marketplace.published', payload }));
}

/** Records a finished promotion (auto_promote, a deploy): pipelines see `promotion.completed`. */
export function recordPromotionCompleted(catalog: Catalog, payload: DomainEventPayload<'promotion.completed'>): void {
  catalog.store.tx(() => catalog.events.record({ type: 'promotion.completed', payload }));
}
