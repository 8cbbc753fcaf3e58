import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTERED_HELPERS, TEMPLATE_HELPERS } from '../../../main/core/engine/templating';

describe('TEMPLATE_HELPERS (the editor autocomplete and the docs list)', () => {
  it('lists every registered helper once, and nothing else', () => {
    const listed = TEMPLATE_HELPERS.map((h) => h.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...REGISTERED_HELPERS].sort());
  });

  it('gives each a signature that calls it, a description and a group', () => {
    for (const h of TEMPLATE_HELPERS) {
      expect(h.signature, h.name).toContain(h.name);
      expect(h.description.length, h.name).toBeGreaterThan(5);
      expect(h.group, h.name).not.toBe('');
    }
  });

  it("covers the issue's helper list", () => {
    const names = new Set(TEMPLATE_HELPERS.map((h) => h.name));
    const required =
      'urlParam queryParam queryParamRaw header cookie body bodyRaw method baseUrl hostname ip faker repeat switch case oneOf someOf int float boolean uuid objectId now date dateFormat dateTimeShift add subtract multiply divide modulo ceil floor round lowercase uppercase split join concat padStart padEnd substr includes base64 base64Decode eq gt gte lt lte and or not len stringify jsonParse setVar getVar setGlobalVar getGlobalVar data dataRaw';
    for (const n of required.split(' ')) expect(names.has(n), n).toBe(true);
  });

  it('docs/templating.md documents every helper', () => {
    const doc = readFileSync(new URL('../../../docs/templating.md', import.meta.url), 'utf8');
    for (const h of TEMPLATE_HELPERS) expect(doc, h.name).toContain(`| \`${h.name}\``);
  });
});
