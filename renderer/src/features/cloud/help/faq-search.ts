import type { FaqView } from '../../../../../shared/ipc/cloud-account';

type FaqItem = FaqView['items'][number];

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * FAQ entries whose question, answer or category holds every word of the query (any order,
 * case and accents ignored), within a category when one is picked. Questions that match rank
 * before answers that do.
 */
export function searchFaq(items: FaqItem[], query: string, category: string | null): FaqItem[] {
  const words = norm(query).split(/\s+/).filter(Boolean).slice(0, 20);
  const inCategory = items.filter((i) => !category || i.category === category);
  if (words.length === 0) return inCategory;
  const scored = inCategory
    .map((item) => {
      const q = norm(item.question);
      const all = `${q} ${norm(item.answer)} ${norm(item.category ?? '')}`;
      if (!words.every((w) => all.includes(w))) return null;
      return { item, score: words.filter((w) => q.includes(w)).length };
    })
    .filter((x): x is { item: FaqItem; score: number } => x !== null);
  return scored.sort((a, b) => b.score - a.score).map((x) => x.item);
}
