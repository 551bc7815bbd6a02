import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';

const lesson = (id: string, stage = 'ingestion') => `---
id: ${id}
title: ${id} title
stage: ${stage}
summary: A lesson.
objectives:
  - learn
---

Some prose.

\`\`\`sql id=q
select 1;
\`\`\`
`;

describe('buildCatalog', () => {
  it('orders lessons by the number in their file name', () => {
    const catalog = buildCatalog({
      'lessons/02-second.md': lesson('second'),
      'lessons/01-first.md': lesson('first'),
    });
    expect(catalog.map((e) => [e.id, e.order, e.ok])).toEqual([
      ['first', 1, true],
      ['second', 2, true],
    ]);
  });

  it('keeps a broken lesson as an entry with file:line errors, beside the good ones', () => {
    const catalog = buildCatalog({
      'lessons/01-first.md': lesson('first'),
      'lessons/02-broken-one.md': lesson('broken-one', 'storage').replace('title: broken-one title\n', ''),
    });
    const broken = catalog[1];
    expect(catalog[0].ok).toBe(true);
    expect(broken).toMatchObject({ ok: false, id: 'broken-one', stage: 'storage', title: 'Broken one', order: 2 });
    if (broken.ok) throw new Error('expected a broken entry');
    expect(broken.errors[0]).toMatchObject({ file: 'lessons/02-broken-one.md' });
    expect(broken.errors[0].message).toMatch(/title/);
  });

  it('reports two lessons that claim the same id, in both files', () => {
    const catalog = buildCatalog({
      'lessons/01-first.md': lesson('same'),
      'lessons/02-second.md': lesson('same'),
    });
    expect(catalog.every((e) => !e.ok)).toBe(true);
    for (const entry of catalog) {
      if (entry.ok) continue;
      expect(entry.errors.at(-1)?.message).toMatch(/lesson id 'same' is also used by lessons\/0\d-\w+\.md/);
    }
  });
});
